using System.Diagnostics;
using System.Text.Json;
using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>
/// Protocol C: one pass over a uniformly logged stream, single thread. Each event is a Personalizer Rank body
/// (JSON text: contextFeatures and each action's features); per event we parse it, rank, and learn from the logged
/// action (p = 1/K). The in-memory figure skips parsing (feature sets built beforehand).
/// </summary>
public static class Throughput
{
    public static string[] NewsStream(int events, int seed)
    {
        var random = new Random(seed);
        var actions = string.Join(",", NewsSimulation.Articles.Select(a => $$$"""{"id":"{{{a}}}","features":[{"Action":{"article":"{{{a}}}"}}]}"""));
        return Enumerable.Range(0, events).Select(_ =>
        {
            var user = NewsSimulation.Users[random.Next(2)];
            var time = NewsSimulation.Times[random.Next(2)];
            var chosen = random.Next(NewsSimulation.Articles.Length);
            var reward = NewsSimulation.Articles[chosen] == NewsSimulation.Preferred(user, time, false) ? 1 : 0;
            return $$$"""{"chosen":{{{chosen}}},"reward":{{{reward}}},"contextFeatures":[{"User":{"user":"{{{user}}}","time_of_day":"{{{time}}}"}}],"actions":[{{{actions}}}]}""";
        }).ToArray();
    }

    public static string[] ClassificationStream(ClassificationData data, int seed)
    {
        var random = new Random(seed);
        var actions = string.Join(",", Enumerable.Range(0, data.Classes).Select(k => $$$"""{"id":"{{{k}}}","features":[{"a":{"id":"{{{k}}}"}}]}"""));
        return data.Orders[seed].Select(row =>
        {
            var chosen = random.Next(data.Classes);
            var features = string.Join(",", data.Features[row].Select((v, i) => (v, i)).Where(f => f.v != 0)
                .Select(f => $"\"f{f.i}\":{f.v.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
            return $$$"""{"chosen":{{{chosen}}},"reward":{{{(chosen == data.Labels[row] ? 1 : 0)}}},"contextFeatures":[{"x":{{{{features}}}}}],"actions":[{{{actions}}}]}""";
        }).ToArray();
    }

    /// <summary>Decisions per second, parsing included: the fastest of five passes after a warm-up pass
    /// (the machine is shared; the fastest pass is the one least disturbed).</summary>
    public static double ParsedDecisionsPerSecond(LearnerPolicy policy, string[] stream)
    {
        Pass(policy, stream);
        return stream.Length / Enumerable.Range(0, 5).Select(_ => Pass(policy, stream)).Min();
    }

    private static double Pass(LearnerPolicy policy, string[] stream)
    {
        var learner = new OnlineLearner(policy);
        var probabilities = new double[64];
        var clock = Stopwatch.StartNew();
        foreach (var line in stream)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var context = PersonalizerFeatures.Parse(root.GetProperty("contextFeatures").EnumerateArray().ToArray());
            var actions = root.GetProperty("actions").EnumerateArray()
                .Select(a => PersonalizerFeatures.Parse(a.GetProperty("features").EnumerateArray().ToArray())).ToArray();
            learner.LiveView().Rank(context, actions, [], (ulong)line.Length, probabilities);
            learner.Learn(context, actions, root.GetProperty("chosen").GetInt32(), 1.0 / actions.Length, root.GetProperty("reward").GetDouble());
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Decisions per second from prebuilt feature sets (rank + learn only).</summary>
    public static double InMemoryDecisionsPerSecond(LearnerPolicy policy, FeatureSet[] contexts, FeatureSet[] actions, int[] chosen, double[] rewards)
    {
        double Once()
        {
            var learner = new OnlineLearner(policy);
            var probabilities = new double[actions.Length];
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < contexts.Length; i++)
            {
                learner.LiveView().Rank(contexts[i], actions, [], (ulong)i, probabilities);
                learner.Learn(contexts[i], actions, chosen[i], 1.0 / actions.Length, rewards[i]);
            }

            return clock.Elapsed.TotalSeconds;
        }

        Once();
        return contexts.Length / Enumerable.Range(0, 5).Select(_ => Once()).Min();
    }
}
