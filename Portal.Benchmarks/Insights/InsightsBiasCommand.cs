using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Service;
using Portal.Data.Entities;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Bias;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Insights;

/// <summary>
/// <c>insights-bias</c>: a fresh database with --decisions logged decisions of the demo's world (default 1,000,000,
/// spread over the last 30 days), the aggregator run over them, then the bias page's server-side work timed for each
/// window: the median (and max) of --repeats openings after one warm-up. Options: --decisions, --repeats, --data.
/// </summary>
public static class InsightsBiasCommand
{
    public const string LoopId = "bias-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.Int("decisions", 1_000_000);
        var repeats = options.Int("repeats", 7);
        var given = options.Text("data", "");
        var folder = given.Length > 0 ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("portal-insights-bias-").FullName;
        try
        {
            await using var host = await InsightsHost.CreateAsync(folder);
            var created = await host.Services.GetRequiredService<LoopProvisioning>().CreateAsync(LoopId, "Bias benchmark",
                LoopSettings.Default with { RewardWaitTime = TimeSpan.FromMinutes(1) }, null, Actor.System, CancellationToken.None);
            if (created.Error is not null) throw new InvalidOperationException(created.Error);

            Console.WriteLine($"insights-bias: {count:N0} decisions of the demo world over 30 days, {Environment.ProcessorCount} cores");
            var generated = await new DecisionGenerator().WriteAsync(host.Storage, LoopId, count, TimeSpan.FromDays(30), CancellationToken.None);
            Console.WriteLine($"  generated and inserted in {generated.TotalSeconds:F1} s ({count / generated.TotalSeconds:N0}/s); database {new FileInfo(host.Storage.DatabasePath).Length / 1e6:N0} MB");

            var loop = host.Services.GetRequiredService<LoopDirectory>().Find(LoopId)!;
            var clock = Stopwatch.StartNew();
            var aggregated = await host.Services.GetRequiredService<InsightAggregator>().CatchUpAsync(loop, CancellationToken.None);
            Console.WriteLine($"  aggregator: {aggregated:N0} decisions in {clock.Elapsed.TotalSeconds:F1} s ({aggregated / clock.Elapsed.TotalSeconds:N0} decisions/s); {await AggregateRowsAsync(host)}");

            var page = new BiasPageWork(host.Services, LoopId);
            Console.WriteLine($"  bias page, server-side work (choices + report + drift + chart data + components to HTML), median / max of {repeats}:");
            foreach (var window in new[] { WindowChoice.Last24Hours, WindowChoice.Last7Days, WindowChoice.Last30Days })
            {
                await page.OpenAsync(window, CancellationToken.None);
                var runs = new List<BiasPageWork.Result>();
                for (var i = 0; i < repeats; i++) runs.Add(await page.OpenAsync(window, CancellationToken.None));
                var median = runs.OrderBy(r => r.TotalMs).ElementAt(runs.Count / 2);
                Console.WriteLine($"    {window,-12} {median.Decisions,10:N0} decisions, {median.Groups} groups, {median.Flagged} flagged, {median.DriftFeatures} features: " +
                                  $"median {median.TotalMs,6:F1} ms (choices {median.ChoicesMs:F1}, report {median.ReportMs:F1}, drift {median.DriftMs:F1}, charts {median.ChartsMs:F1}, " +
                                  $"HTML {median.RenderMs:F1} ms for {median.HtmlLength / 1024:N0} KB), " +
                                  $"max {runs.Max(r => r.TotalMs):F1} ms");
            }
            return 0;
        }
        finally
        {
            if (given.Length == 0) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> AggregateRowsAsync(InsightsHost host)
    {
        await using var db = await host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        var segments = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SegmentStats);
        var importance = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ImportanceStats);
        var values = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.FeatureValueStats);
        return $"{segments:N0} segment rows, {importance:N0} importance rows, {values:N0} value rows";
    }
}
