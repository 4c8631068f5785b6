using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Features.Training;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// One logged decision read for export, shared by both formats: the candidates in the order they were sent (the
/// DSJSON <c>_multi</c>), the ranking as indices into them with its probabilities, the chosen index, the cost and whether
/// the trainer learns from it. An opted-out decision kept no request: its candidates are the ranking's ids, with no
/// features and no context. Holds the parsed request: dispose it.
/// </summary>
public sealed class ExportedDecision : IDisposable
{
    private static readonly JsonDocumentOptions Reading = new() { MaxDepth = FeatureJson.MaxDepth * 2 + 8 };
    private readonly JsonDocument? request;

    private ExportedDecision(LoggedEvent logged, JsonDocument? request, IReadOnlyList<JsonElement> context, string[] actionIds,
        JsonElement[] actionFeatures, int[] ranking, double[] probabilities, int chosen, double reward, bool learned)
    {
        Logged = logged;
        this.request = request;
        Context = context;
        ActionIds = actionIds;
        ActionFeatures = actionFeatures;
        Ranking = ranking;
        Probabilities = probabilities;
        ChosenIndex = chosen;
        Reward = reward;
        Learned = learned;
    }

    public LoggedEvent Logged { get; }

    /// <summary>The context's feature objects as sent (filter them on writing: <see cref="ExportedFeatures"/>).</summary>
    public IReadOnlyList<JsonElement> Context { get; }

    public string[] ActionIds { get; }

    /// <summary>Each candidate's feature list as sent; <c>default</c> when it sent none.</summary>
    public JsonElement[] ActionFeatures { get; }

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
        var ranked = ReadRanking(logged.RankingJson);
        if (ranked is null || ranked.Count == 0) return null;
        var reward = logged.Reward ?? rules.DefaultReward;
        var learned = Learnability.IsLearnable(logged.Mode, logged.Oversight, logged.Flagged, logged.DeferActivation, logged.ActivatedAt,
            logged.ChosenProbability, QuarantineWindowsCover(rules, logged.CreatedAt));
        if (logged.OptedOut) return NotProfiled(logged, ranked, reward, learned);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(logged.RequestJson, Reading);
        }
        catch (JsonException)
        {
            return null;
        }
        var (ids, features) = Candidates(document.RootElement);
        var ranking = new int[ranked.Count];
        var probabilities = new double[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            ranking[i] = Array.IndexOf(ids, ranked[i].Id);
            probabilities[i] = ranked[i].Probability;
        }
        var chosen = Array.IndexOf(ids, logged.ChosenActionId);
        if (chosen < 0 || Array.IndexOf(ranking, -1) >= 0)
        {
            document.Dispose();
            return null;
        }
        return new ExportedDecision(logged, document, FeatureJson.ContextOf(document.RootElement), ids, features, ranking, probabilities, chosen, reward, learned);
    }

    public void Dispose() => request?.Dispose();

    private static ExportedDecision NotProfiled(LoggedEvent logged, IReadOnlyList<RankedAction> ranked, double reward, bool learned)
    {
        var ids = ranked.Select(r => r.Id).ToArray();
        var chosen = Array.IndexOf(ids, logged.ChosenActionId);
        return new ExportedDecision(logged, null, [], ids, new JsonElement[ids.Length], Enumerable.Range(0, ids.Length).ToArray(),
            ranked.Select(r => r.Probability).ToArray(), chosen < 0 ? 0 : chosen, reward, learned);
    }

    private static IReadOnlyList<RankedAction>? ReadRanking(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.IReadOnlyListRankedAction);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The actions' ids and feature lists in request order (property names as the API reads them: case-insensitive).</summary>
    private static (string[] Ids, JsonElement[] Features) Candidates(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object) return ([], []);
        foreach (var property in request.EnumerateObject())
        {
            if (!property.Name.Equals("actions", StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind != JsonValueKind.Array) continue;
            var count = property.Value.GetArrayLength();
            var (ids, features) = (new string[count], new JsonElement[count]);
            var i = 0;
            foreach (var action in property.Value.EnumerateArray())
            {
                ids[i] = "";
                if (action.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in action.EnumerateObject())
                    {
                        if (field.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && field.Value.ValueKind == JsonValueKind.String) ids[i] = field.Value.GetString()!;
                        else if (field.Name.Equals("features", StringComparison.OrdinalIgnoreCase)) features[i] = field.Value;
                    }
                }
                i++;
            }
            return (ids, features);
        }
        return ([], []);
    }

    private static bool QuarantineWindowsCover(LoopExportRules rules, DateTimeOffset createdAt) =>
        rules.Quarantines.Count > 0 && Data.Entities.QuarantineWindow.Covers(rules.Quarantines, createdAt);
}
