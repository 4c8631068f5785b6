using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Feedback;
using Portal.Benchmarks.Insights;
using Portal.Benchmarks.Service;
using Portal.Data.Entities;
using Portal.Features.Decisions.LogExport;
using Portal.Features.Evaluation;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Evaluation;

/// <summary>
/// <c>evaluation-engine</c>: a fresh SQLite database with --decisions (1,000,000) logged decisions of the demo's world
/// (eight articles, five context features; the same rows the log writer stores, bulk-inserted), then the product's
/// <see cref="IPolicyEvaluator"/> end to end — count, read page by page, parse features, score — for four candidates:
/// online (the loop's model), baseline, uniform and one retrained Settings policy (VW's defaults, -q ::), with DR's
/// progressively trained reward model. Prints seconds, decisions/s and bytes allocated per decision, and the time of
/// reading the log alone. Options: --decisions, --repeats (2), --data.
/// </summary>
public static class EvaluationEngineCommand
{
    public const string LoopId = "evaluation-bench";
    public const double TargetSeconds = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.Int("decisions", 1_000_000);
        var repeats = options.Int("repeats", 2);
        var given = options.Text("data", "");
        var folder = given.Length > 0 ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("portal-evaluation-").FullName;
        try
        {
            await using var host = await InsightsHost.CreateAsync(folder, builder =>
            {
                builder.AddLogExport();
                builder.AddEvaluation();
            });
            var services = host.Services;
            var created = await services.GetRequiredService<LoopProvisioning>().CreateAsync(LoopId, "Evaluation benchmark", LoopSettings.Default, null, Actor.System, CancellationToken.None);
            if (created.Error is not null) throw new InvalidOperationException(created.Error);
            Console.WriteLine($"evaluation-engine: {count:N0} decisions of the demo world, {Environment.ProcessorCount} cores");
            var end = DateTimeOffset.UtcNow;
            var generated = await new DecisionGenerator().WriteAsync(host.Storage, LoopId, count, TimeSpan.FromDays(30), CancellationToken.None, end);
            Console.WriteLine($"  generated in {generated.TotalSeconds:F1} s; database {new FileInfo(host.Storage.DatabasePath).Length / 1e6:N0} MB");

            var request = new EvaluationRequest(LoopId, end.AddDays(-31), end.AddSeconds(1),
                [new PolicyCandidate.Online(), new PolicyCandidate.Baseline(), new PolicyCandidate.Uniform(),
                 new PolicyCandidate.Settings("vw defaults", PolicyParser.VowpalWabbitDefault)]);
            await ReadOnlyAsync(services, request);
            var evaluator = services.GetRequiredService<IPolicyEvaluator>();
            if (options.Text("breakdown", "no") != "no")
            {
                foreach (var candidate in request.Candidates) await TimedAsync(evaluator, request with { Candidates = [candidate] }, "  alone: " + candidate.Name);
            }
            var seconds = new List<double>();
            for (var run = 0; run < repeats; run++)
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var report = await evaluator.EvaluateAsync(request, null, CancellationToken.None);
                watch.Stop();
                var perDecision = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)report.Decisions;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                seconds.Add(watch.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run + 1}: {report.Decisions:N0} decisions × {report.Policies.Count} policies in {watch.Elapsed.TotalSeconds:F2} s = {report.Decisions / watch.Elapsed.TotalSeconds:N0} decisions/s, {perDecision:N0} bytes allocated per decision, {cpuSeconds:F2} s of CPU (load average {LoadAverage()})"));
                if (run == repeats - 1)
                {
                    foreach (var p in report.Policies)
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"    {p.Candidate.Name,-14} IPS {p.Estimates.Ips.Value:F4}  SNIPS {p.Estimates.Snips.Value:F4}  DR {p.Estimates.Dr!.Value:F4}  ESS {p.Estimates.Snips.EffectiveSampleSize:N0}"));
                }
            }
            var best = seconds.Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  best {best:F2} s (target ≤ {TargetSeconds} s: {(best <= TargetSeconds ? "met" : "NOT met")})"));
            return best <= TargetSeconds ? 0 : 1;
        }
        finally
        {
            if (given.Length == 0)
            {
                SqliteConnectionPools.Clear();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Where the time goes: the log's rows alone, then read as evaluation inputs (the trainer's rule, the ranking), then
    /// with each decision's features read too (no policy scoring them).
    /// </summary>
    private static async Task ReadOnlyAsync(IServiceProvider services, EvaluationRequest request)
    {
        var rows = services.GetRequiredService<DecisionLogReader>();
        var reader = services.GetRequiredService<EvaluationLogReader>();
        var loop = services.GetRequiredService<LoopDirectory>().Find(request.LoopId)!;
        var watch = Stopwatch.StartNew();
        var count = 0L;
        await foreach (var _ in rows.ReadAsync(request.LoopId, request.From, request.To, long.MaxValue, CancellationToken.None)) count++;
        Stage("rows", count, watch);
        count = 0;
        await foreach (var _ in reader.ReadAsync(request.LoopId, 0, request.From, request.To, CancellationToken.None)) count++;
        Stage("evaluation inputs", count, watch);
        count = 0;
        var features = new LoggedFeatures(loop.AuditOnlyFeatures);
        await foreach (var decision in reader.ReadAsync(request.LoopId, 0, request.From, request.To, CancellationToken.None))
            if (features.Read(decision) is not null) count++;
        Stage("evaluation inputs and features", count, watch);
    }

    private static async Task TimedAsync(IPolicyEvaluator evaluator, EvaluationRequest request, string label)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var report = await evaluator.EvaluateAsync(request, null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {report.Decisions:N0} decisions in {watch.Elapsed.TotalSeconds:F2} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s of CPU"));
    }

    /// <summary>The machine's 1-minute load average: the cores are shared, and a busy machine stretches the wall time.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static void Stage(string name, long count, Stopwatch watch)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  reading {name}: {count:N0} in {watch.Elapsed.TotalSeconds:F2} s = {count / watch.Elapsed.TotalSeconds:N0}/s"));
        watch.Restart();
    }
}
