using System.Text.Json;
using Portal.Features.Training;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// One logged decision read for export, shared by both formats: the candidates in the order they were sent (the
/// DSJSON <c>_multi</c>), the ranking as indices into them with its probabilities, the chosen index, the reward and
/// whether the trainer learns from it. An opted-out decision kept no request: its candidates are the ranking's ids,
/// with no features and no context.
/// </summary>
public sealed class ExportedDecision
{
    private ExportedDecision(LoggedEvent logged, RequestLayout layout, int[] ranking, double[] probabilities, int chosen, double reward, bool learned)
    {
        Logged = logged;
        Layout = layout;
        Ranking = ranking;
        Probabilities = probabilities;
        ChosenIndex = chosen;
        Reward = reward;
        Learned = learned;
    }

    public LoggedEvent Logged { get; }

    /// <summary>Where the request holds the context and each candidate's id and features (copy them with <see cref="FeatureCopier"/>).</summary>
    public RequestLayout Layout { get; }

    public ReadOnlySpan<byte> Context => Logged.RequestUtf8.AsSpan()[Layout.Context];

    public string[] ActionIds => Layout.ActionIds;

    public ReadOnlySpan<byte> ActionFeatures(int index) => Logged.RequestUtf8.AsSpan()[Layout.ActionFeatures[index]];

    /// <summary>The ranking, first the chosen action, as 0-based indices into <see cref="ActionIds"/>.</summary>
    public int[] Ranking { get; }

    public double[] Probabilities { get; }

    public int ChosenIndex { get; }

    /// <summary>The reward received, or the loop's default reward when none came (as the trainer labels it).</summary>
    public double Reward { get; }

    /// <summary>VW's cost is the negated reward (zero stays zero, not -0).</summary>
    public double Cost => Reward == 0 ? 0 : -Reward;

    /// <summary>Whether Portal's trainer learns (or learned) from it: the same rule, so a replay in VW skips the same events.</summary>
    public bool Learned { get; }

    /// <summary>The decision made exportable, or null when its logged ranking or request cannot be read (never thrown on).</summary>
    public static ExportedDecision? Read(LoggedEvent logged, LoopExportRules rules)
    {
        if (LoggedRanking.Read(logged.RankingUtf8) is not { Ids.Length: > 0 } ranked) return null;
        var reward = logged.Reward ?? rules.DefaultReward;
        var learned = Learnability.IsLearnable(logged.Mode, logged.Oversight, rules.Flagged.Contains(logged.Seq), logged.DeferActivation,
            logged.ActivatedAt, logged.ChosenProbability, rules.Quarantines.Count > 0 && Data.Entities.QuarantineWindow.Covers(rules.Quarantines, logged.CreatedAt, logged.RewardSource));
        var layout = logged.OptedOut
            ? new RequestLayout(default, ranked.Ids, new Range[ranked.Ids.Length])
            : RequestLayout.Find(logged.RequestUtf8);
        if (layout is null) return null;

        var ranking = new int[ranked.Ids.Length];
        for (var i = 0; i < ranking.Length; i++)
        {
            ranking[i] = Array.IndexOf(layout.ActionIds, ranked.Ids[i]);
            if (ranking[i] < 0) return null;
        }
        var chosen = Array.IndexOf(layout.ActionIds, logged.ChosenActionId);
        return chosen < 0 ? null : new ExportedDecision(logged, layout, ranking, ranked.Probabilities, chosen, reward, learned);
    }
}

/// <summary>A logged ranking (<c>[{"id","probability"}]</c>) read from its UTF-8 text in one pass.</summary>
public sealed record LoggedRanking(string[] Ids, double[] Probabilities)
{
    public static LoggedRanking? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
            var (ids, probabilities) = (new List<string>(8), new List<double>(8));
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var (id, probability) = ((string?)null, 0.0);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isId = reader.ValueTextEquals("id"u8);
                    var isProbability = reader.ValueTextEquals("probability"u8);
                    reader.Read();
                    if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString();
                    else if (isProbability && reader.TokenType == JsonTokenType.Number) probability = reader.GetDouble();
                    else reader.Skip();
                }
                if (id is null) return null;
                ids.Add(id);
                probabilities.Add(probability);
            }
            return new LoggedRanking([.. ids], [.. probabilities]);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
