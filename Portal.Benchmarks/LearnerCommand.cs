using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>
/// <c>learner</c>: protocols A, B, C and the latency probe, side by side with VW, written to LEARNER.md;
/// <c>learner --data &lt;csv&gt; --perms &lt;csv&gt; --seeds 1,2,3 --json &lt;file&gt;</c>: protocol B on any data set.
/// </summary>
public static class LearnerCommand
{
    public static int Run(string[] args)
    {
        var options = ParseOptions(args);
        return options.ContainsKey("--data") ? RunDataSet(options) : RunAll();
    }

    private static int RunDataSet(Dictionary<string, string> options)
    {
        var data = ClassificationData.Load(options["--data"], options["--perms"]);
        var seeds = (options.GetValueOrDefault("--seeds") ?? "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var rows = new List<object>();
        foreach (var (name, arguments) in Configurations.Classification.Where(c => c.Name != "D2"))
        {
            var result = ClassificationProtocol.Run(data, arguments, seeds);
            Console.WriteLine($"{data.Name,-12} {name,-5} {result}  ({arguments})");
            rows.Add(new { dataset = data.Name, config = name, seeds, mean = result.Mean, sd = result.Sd });
        }

        if (options.TryGetValue("--json", out var json))
            File.WriteAllText(json, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static int RunAll()
    {
        var clock = Stopwatch.StartNew();
        var dataDir = BenchDataLocator.Find();
        var vw = new VwReference(dataDir);
        ClassificationData Load(string name) => ClassificationData.Load(Path.Combine(dataDir, name + ".csv"), Path.Combine(dataDir, name + "_perms.csv"));
        var letter = Load("letter");
        var rows = new List<ResultRow>();
        rows.AddRange(NewsProtocol.Compare(vw));
        rows.AddRange(ClassificationProtocol.Compare(Load("digits"), vw, [1, 2, 3]));
        rows.AddRange(ClassificationProtocol.Compare(letter, vw, [1, 2, 3]));
        rows.AddRange(ThroughputProtocol.Compare(letter));
        rows.AddRange(LatencyRows());
        Console.WriteLine(ResultTable.Console(rows));
        var path = LearnerReport.Write(rows, clock.Elapsed);
        Console.WriteLine($"Written to {path} ({clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }

    private static IEnumerable<ResultRow> LatencyRows()
    {
        foreach (var (name, arguments) in new[] { ("P", PolicyParser.PersonalizerDefault), ("ours", PolicyParser.PortalDefault) })
        {
            var r = LatencyProbe.Measure(arguments);
            yield return new ResultRow("Rank 10 actions × 20 features, in process", name,
                $"p50 {r.P50Micros:F1} µs, p99 {r.P99Micros:F1} µs, {r.BytesPerDecision:F0} B/decision", "target p99 ≤ 50 µs", null,
                "Stopwatch per call, 200k calls");
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) options[args[i]] = args[++i];
            else throw new ArgumentException($"unexpected argument '{args[i]}'");
        }

        if (options.ContainsKey("--data") && !options.ContainsKey("--perms"))
            throw new ArgumentException("--data needs --perms");
        return options;
    }
}
