using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Insights;
using Portal.Benchmarks.Service;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Integrity.Detection;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Integrity;

/// <summary>
/// <c>watch-read</c>: what the manipulation watch pays per settled decision to read it and find its segments, over
/// --decisions logged decisions of the demo world (default 100,000) in SQLite: <see cref="SettledOutcomes"/> (SQLite's
/// statement API, each request's context read from its stored UTF-8 bytes in place) against the previous read (an EF Core
/// projection with the request as a string, categories from the string), alternated --rounds times (default 3) in one run;
/// then the watch's whole step: the same read and each decision folded into the detectors' windows (<see cref="LoopWatch"/>).
/// </summary>
public static class WatchReadCommand
{
    private const string LoopId = "watch-bench";
    private const int Batch = 5_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.Int("decisions", 100_000);
        var rounds = options.Int("rounds", 3);
        var folder = Directory.CreateTempSubdirectory("portal-watch-read-").FullName;
        try
        {
            await using var host = await InsightsHost.CreateAsync(folder);
            var created = await host.Services.GetRequiredService<LoopProvisioning>().CreateAsync(LoopId, "Watch benchmark",
                LoopSettings.Default, null, Actor.System, CancellationToken.None);
            if (created.Error is not null) throw new InvalidOperationException(created.Error);
            await new DecisionGenerator().WriteAsync(host.Storage, LoopId, count, TimeSpan.FromDays(1), CancellationToken.None);
            var dbFactory = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            var outcomes = new SettledOutcomes(dbFactory);
            Console.WriteLine($"watch-read: {count:N0} decisions of the demo world in SQLite, read in batches of {Batch:N0}; µs and bytes allocated per decision, load average {RankCostCommand.LoadAverage()}");
            for (var round = 1; round <= rounds; round++)
            {
                Report(round, "now (statement API, context read in place)", await PassAsync(count, after => NowAsync(outcomes, after)));
                Report(round, "before (EF projection, request as a string)", await PassAsync(count, after => BeforeAsync(dbFactory, after)));
                var watch = new LoopWatch(new DetectionOptions(), judgeAfterSeq: 0);
                Report(round, "the watch's whole step (read, segments, fold)", await PassAsync(count, after => FoldAsync(outcomes, watch, after)));
            }
            Console.WriteLine($"  load average {RankCostCommand.LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Report(int round, string name, (double Micros, double Bytes) cost) =>
        Console.WriteLine($"  round {round}: {name,-46} {cost.Micros,7:F2} µs {cost.Bytes,8:F0} B");

    /// <summary>One pass over the whole log as the watch makes it: batch after batch from the cursor, each decision's segments found.</summary>
    private static async Task<(double Micros, double Bytes)> PassAsync(int count, Func<long, Task<(long Last, int Read)>> batch)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var (cursor, total) = (0L, 0);
        while (true)
        {
            var (last, read) = await batch(cursor);
            total += read;
            if (read < Batch) break;
            cursor = last;
        }
        if (total != count) throw new InvalidOperationException($"read {total} of {count} decisions");
        return (clock.Elapsed.TotalMicroseconds / total, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)total);
    }

    private static async Task<(long, int)> NowAsync(SettledOutcomes outcomes, long after)
    {
        var vocabulary = new SegmentVocabulary(50);
        var rows = await outcomes.ReadAsync(LoopId, after, DateTimeOffset.MaxValue, Batch, CancellationToken.None);
        foreach (var row in rows) vocabulary.Of(row.ContextValues);
        return (rows.Count == 0 ? after : rows[^1].Seq, rows.Count);
    }

    /// <summary>What <see cref="ManipulationWatch"/> does per batch: read, and fold each decision into its windows (which judge).</summary>
    private static async Task<(long, int)> FoldAsync(SettledOutcomes outcomes, LoopWatch watch, long after)
    {
        var rows = await outcomes.ReadAsync(LoopId, after, DateTimeOffset.MaxValue, Batch, CancellationToken.None);
        foreach (var row in rows) watch.Fold(row, defaultReward: 0);
        return (rows.Count == 0 ? after : rows[^1].Seq, rows.Count);
    }

    private static async Task<(long, int)> BeforeAsync(IDbContextFactory<PortalDbContext> dbFactory, long after)
    {
        var vocabulary = new SegmentVocabulary(50);
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Decisions.AsNoTracking().Where(d => d.LoopId == LoopId && d.Seq > after).OrderBy(d => d.Seq).Take(Batch)
            .Select(d => new { d.Seq, d.CreatedAt, d.RequestJson, d.ChosenActionId, d.Reward, d.RewardCount, d.RewardedAt, d.RewardSource })
            .ToListAsync();
        foreach (var row in rows) vocabulary.Of(LoggedContext.Categories(row.RequestJson));
        return (rows.Count == 0 ? after : rows[^1].Seq, rows.Count);
    }
}
