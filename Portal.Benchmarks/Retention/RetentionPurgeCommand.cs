using System.Diagnostics;
using System.Globalization;
using Portal.Benchmarks.Insights;
using Portal.Benchmarks.Service;
using Portal.Features.Loops;
using Portal.Infrastructure.Persistence;

namespace Portal.Benchmarks.Retention;

/// <summary>
/// <c>retention-purge</c>: does Rank keep ≥ 90% of its throughput while the retention purge removes --decisions
/// (1,000,000) decisions? Measured against a real Portal process over HTTP, Rank at full speed from --clients (16)
/// connections: what an application sees includes Kestrel, the trainer and the aggregator, and the purge competes
/// with all of them for the two cores and with the log writer for SQLite's write lock — in process, through
/// RankService, half of that would be left out. The purge is the product's own: RetentionSchedule with the default
/// BatchSize and MaxBusyShare; only PurgeInterval is one second, so that lowering the loop's logRetentionDays (from
/// -1, keep everything, to 90) through the configuration API starts it at once, as an administrator would.
/// Phases (Rank never stops): --seconds (30) alone, the purge until its audit entry, --seconds alone again (the loop
/// back at -1); Rank alone is both alone phases together, read against the purge's. Then the old rows must all be gone, --fresh (10,000)
/// generated decisions inside the window and every acknowledged Rank must remain.
/// Options: --decisions, --fresh, --seconds, --clients, --window 10, --port 5397, --data, --dll.
/// </summary>
public static class RetentionPurgeCommand
{
    private const string LoopId = DemoLoopOptions.LoopId;
    private const int RetentionDays = 90;
    private const string OldPrefix = "old-";
    private const string FreshPrefix = "fresh-";
    private const string RankPrefix = "rank";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var (count, fresh) = (options.Int("decisions", 1_000_000), options.Int("fresh", 10_000));
        var alone = TimeSpan.FromSeconds(options.Int("seconds", 30));
        var settings = ServerSettings.FromOptions(options, "portal-retention-") with
        {
            Port = options.Int("port", 5397),
            Environment = new Dictionary<string, string>
            {
                ["Portal__LogRetention__PurgeInterval"] = "00:00:01",
                // The trainer catches up on the generated history in bigger passes before anything is measured; under
                // Rank alone it learns fewer than its default 5,000 per pass anyway, so the phases run as by default.
                ["Portal__Training__MaxBatchSize"] = "50000",
            },
        };
        Console.WriteLine($"retention-purge: {count:N0} decisions older than {RetentionDays} days and {fresh:N0} newer ones, Rank from {options.Int("clients", 16)} clients, {Environment.ProcessorCount} cores; data {settings.DataDirectory}");

        await PrepareAsync(settings, count, fresh);
        await using var server = await PortalServer.StartAsync(settings, CancellationToken.None);
        var caughtUp = await ServerIdle.WaitAsync(server.Id, TimeSpan.FromMinutes(15));
        Console.WriteLine($"  trainer and aggregator caught up on the history in {caughtUp.TotalSeconds:F0} s (server idle)");

        using var http = PortalClient.CreateHttp(settings);
        var rows = new RetainedRows(settings.DatabasePath, LoopId);
        var flood = new RankFlood(new PortalClient(http), RankPrefix, options.Int("clients", 16));
        using var stop = new CancellationTokenSource();
        var flooding = flood.RunAsync(stop.Token);
        var meter = new RankMeter(flood, TimeSpan.FromSeconds(options.Int("window", 10)));
        await meter.ForAsync(TimeSpan.FromSeconds(10));
        // The machine is shared: each phase says how much of it the server got and how much went elsewhere (this
        // process's Rank clients are among the other processes).
        var cpu = new CpuShares(server.Id);
        cpu.Start();
        var before = await meter.ForAsync(alone);
        Console.WriteLine($"  Rank alone:         {before}; {cpu.Describe()}");
        var retention = new LoopRetention(http);
        cpu.Start();
        await retention.SetDaysAsync(RetentionDays, CancellationToken.None);
        string? removed = null;
        var during = await meter.UntilAsync(async _ => (removed = await rows.PurgeAuditAsync()) is not null);
        Console.WriteLine($"  Rank during purge:  {during}; {cpu.Describe()}");
        // Back to keeping everything: with the one-second interval the schedule would otherwise look every second.
        await retention.SetDaysAsync(-1, CancellationToken.None);
        cpu.Start();
        var after = await meter.ForAsync(alone);
        Console.WriteLine($"  Rank alone again:   {after}; {cpu.Describe()}");
        await stop.CancelAsync();
        await flooding;

        var passed = await Report(before, during, after, removed!, flood, rows, new DecisionAudit(settings.DatabasePath), count, fresh);
        await server.DisposeAsync();
        if (passed) settings.CleanUp();
        return passed ? 0 : 1;
    }

    /// <summary>A fresh database whose demo loop keeps everything, then the generated history written into it while no server runs.</summary>
    private static async Task PrepareAsync(ServerSettings settings, int count, int fresh)
    {
        await using (var first = await PortalServer.StartAsync(settings, CancellationToken.None))
        {
            using var http = PortalClient.CreateHttp(settings);
            await new LoopRetention(http).SetDaysAsync(-1, CancellationToken.None);
        }
        var storage = new StorageOptions { DataDirectory = settings.DataDirectory };
        var generation = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var span = TimeSpan.FromDays(30);
        // Old: 91 to 121 days ago, a day clear of the cutoff; fresh: the last 30 days, well inside the window.
        await new DecisionGenerator().WriteAsync(storage, LoopId, count, span, CancellationToken.None, now - TimeSpan.FromDays(RetentionDays + 1), OldPrefix);
        await new DecisionGenerator(seed: 2027).WriteAsync(storage, LoopId, fresh, span, CancellationToken.None, now, FreshPrefix);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Console.WriteLine($"  generated in {generation.Elapsed.TotalSeconds:F0} s; database {new FileInfo(storage.DatabasePath).Length / 1e6:N0} MB");
    }

    private static async Task<bool> Report(RankMeter.Phase before, RankMeter.Phase during, RankMeter.Phase after, string removed,
        RankFlood flood, RetainedRows rows, DecisionAudit ranks, int count, int fresh)
    {
        var aloneRate = (before.Decisions + after.Decisions) / (before.Elapsed + after.Elapsed).TotalSeconds;
        var aloneMedian = RankMeter.Phase.Median(before.WindowRates.Concat(after.WindowRates));
        var ratio = during.Rate / aloneRate;
        var medianRatio = during.MedianWindow / aloneMedian;
        var (oldLeft, freshLeft) = (await rows.WithPrefixAsync(OldPrefix), await rows.WithPrefixAsync(FreshPrefix));
        var expired = await rows.OlderThanAsync(DateTimeOffset.UtcNow.AddDays(-RetentionDays));
        var missing = ranks.Missing(flood.Acknowledged, RankPrefix).Count;
        var rowsOk = oldLeft == 0 && expired == 0 && freshLeft == fresh && missing == 0 && removed.Contains($"\"decisions\":{count}", StringComparison.Ordinal);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              purge: {during.Elapsed.TotalSeconds:F1} s from the setting's change to its audit entry (the schedule ticks every second); removed {removed}
              Rank alone {aloneRate:F0}/s (window median {aloneMedian:F0}/s), during the purge {during.Rate:F0}/s (window median {during.MedianWindow:F0}/s)
              during / alone: {ratio:F3} (window medians {medianRatio:F3}) — {(Math.Min(ratio, medianRatio) >= 0.9 ? "PASS" : "FAIL")}, target ≥ 0.90
              rows: {oldLeft:N0} old and {expired:N0} past the window left, {freshLeft:N0} of {fresh:N0} fresh kept, {missing} of {flood.Acknowledged.Count:N0} acknowledged Rank missing; {flood.Refused} refused, {flood.CutOff} cut off (in flight at the stop) — {(rowsOk ? "PASS" : "FAIL")}
            """));
        // Cut off are the calls in flight when the flood stops; a refused call (not 201) fails the run.
        return rowsOk && Math.Min(ratio, medianRatio) >= 0.9 && flood.Refused == 0;
    }
}
