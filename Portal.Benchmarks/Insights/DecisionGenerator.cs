using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Features.Simulation;
using Portal.Infrastructure.Persistence;

namespace Portal.Benchmarks.Insights;

/// <summary>
/// Writes logged decisions of the demo's world straight into SQLite (bulk inserts, not the log writer): real Rank
/// bodies of simulated visitors (age band, country, device, interests, time of day, eight articles), chosen and
/// explained (top 5 terms) by a learner trained on that world, clicked by its click model, spread evenly over the
/// given span up to now (or up to <c>end</c>, under eventIds <c>{eventPrefix}{i}</c>). A pool of distinct visitors keeps generation fast; choices and clicks differ per decision.
/// </summary>
public sealed class DecisionGenerator(int seed = 2026, int distinctVisitors = 5_000)
{
    private const int ExplanationSize = 5;

    private sealed record Visitor(SimulatedVisit Visit, string RequestJson, FeatureSet Context);

    public async Task<TimeSpan> WriteAsync(StorageOptions storage, string loopId, int count, TimeSpan span, CancellationToken ct,
        DateTimeOffset? end = null, string eventPrefix = "bench-")
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(seed);
        var world = new NewsWorld(random);
        var articles = NewsWorld.Articles;
        var actionFeatures = articles.Select(a => PersonalizerFeatures.Parse(ContextOf(SimulatedRequest.RankBody(world.NextVisit(), [a]), "actions", 0))).ToArray();
        var visitors = Enumerable.Range(0, distinctVisitors).Select(_ => VisitorOf(world.NextVisit())).ToArray();
        var model = Train(world, visitors, actionFeatures, random);
        var explanations = new Dictionary<(int, int), string>();
        var rankings = articles.Select((_, chosen) => Ranking(articles, chosen)).ToArray();

        await using var connection = await SqliteConnections.OpenAsync(storage, ct);
        using (var fast = connection.CreateCommand()) { fast.CommandText = "PRAGMA synchronous=OFF"; fast.ExecuteNonQuery(); }
        using var insert = Insert(connection);
        var start = (end ?? DateTimeOffset.UtcNow) - span;
        var probabilities = new double[articles.Count];
        var terms = new FeatureContribution[ExplanationSize];
        SqliteTransaction? transaction = null;
        for (var i = 0; i < count; i++)
        {
            if (i % 50_000 == 0)
            {
                transaction?.Commit();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }
            var v = random.Next(visitors.Length);
            var visitor = visitors[v];
            var outcome = model.Rank(visitor.Context, actionFeatures, [], (ulong)random.NextInt64(), probabilities, 0.2);
            var chosen = outcome.ChosenIndex;
            if (!explanations.TryGetValue((v, chosen), out var explanation))
            {
                var written = model.Explain(visitor.Context, actionFeatures[chosen], terms);
                explanations[(v, chosen)] = explanation = JsonSerializer.Serialize<IReadOnlyList<FeatureContribution>>(terms[..written], PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution);
            }
            var clicked = random.NextDouble() < world.ClickProbability(visitor.Visit, articles[chosen]);
            Run(insert, loopId, eventPrefix + i.ToString(CultureInfo.InvariantCulture), (start + span * ((double)i / count)).ToUnixTimeMilliseconds(),
                visitor.RequestJson, articles[chosen].Id, probabilities[chosen], articles[0].Id, outcome.Explored ? 1 : 0, rankings[chosen], explanation,
                clicked ? 1.0 : DBNull.Value, clicked ? 1 : 0);
        }
        transaction?.Commit();
        return clock.Elapsed;
    }

    private static Visitor VisitorOf(SimulatedVisit visit)
    {
        var body = SimulatedRequest.RankBody(visit, NewsWorld.Articles);
        return new Visitor(visit, Encoding.UTF8.GetString(body), PersonalizerFeatures.Parse(ContextOf(body, "contextFeatures", -1)));
    }

    /// <summary>A learner that has seen 30,000 visits of the world, as the demo loop after a couple of hours.</summary>
    private static BanditModel Train(NewsWorld world, Visitor[] visitors, FeatureSet[] actions, Random random)
    {
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var probabilities = new double[actions.Length];
        for (var round = 0; round < 30_000; round++)
        {
            var visitor = visitors[random.Next(visitors.Length)];
            var outcome = learner.LiveView().Rank(visitor.Context, actions, [], (ulong)random.NextInt64(), probabilities, 0.2);
            var reward = random.NextDouble() < world.ClickProbability(visitor.Visit, NewsWorld.Articles[outcome.ChosenIndex]) ? 1 : 0;
            learner.Learn(visitor.Context, actions, outcome.ChosenIndex, probabilities[outcome.ChosenIndex], reward);
        }
        return learner.Snapshot();
    }

    private static IReadOnlyList<JsonElement> ContextOf(byte[] body, string property, int index)
    {
        using var document = JsonDocument.Parse(body);
        var element = document.RootElement.GetProperty(property);
        if (index >= 0) element = element[index].GetProperty("features");
        return element.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static string Ranking(IReadOnlyList<SimulatedArticle> articles, int chosen) =>
        JsonSerializer.Serialize<IReadOnlyList<RankedAction>>(
            articles.Select((a, i) => new RankedAction(a.Id, i == chosen ? 0.825 : 0.025)).OrderByDescending(r => r.Probability).ToList(),
            PersonalizerJsonContext.Default.IReadOnlyListRankedAction);

    private static SqliteCommand Insert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Decisions (LoopId, EventId, CreatedAt, RequestJson, ChosenActionId, ChosenProbability, BaselineActionId, Explored,
                ModelVersion, Mode, RankingJson, ExplanationJson, DeferActivation, Reward, RewardCount, Oversight)
            VALUES ($loop, $event, $created, $request, $chosen, $probability, $baseline, $explored, 1, 'Online', $ranking, $explanation, 0,
                $reward, $rewards, 0)
            """;
        foreach (var name in new[] { "$loop", "$event", "$created", "$request", "$chosen", "$probability", "$baseline", "$explored", "$ranking", "$explanation", "$reward", "$rewards" })
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
