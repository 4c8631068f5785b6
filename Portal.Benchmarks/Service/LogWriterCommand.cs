using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Infrastructure.Persistence;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>log-writer</c>: the decision log writer alone, in process, on a migrated database (WAL, synchronous=FULL).
/// Bytes a caller allocates to enqueue one write (the Rank path's share), the rate at which a full queue drains, and
/// writes per second with many callers each awaiting its write (group commit). Options: --writes 50000 --clients 64 --repeats 5.
/// </summary>
public static class LogWriterCommand
{
    private const string LoopId = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var writes = options.Int("writes", 50_000);
        var clients = options.Int("clients", 64);
        var repeats = options.Int("repeats", 5);
        var rounds = new List<Round>();
        for (var r = 0; r < repeats; r++) rounds.Add(await RoundAsync(writes, clients));
        Console.WriteLine($"Decision log writer, {writes} writes per phase, {clients} concurrent callers; median of {repeats} rounds");
        Console.WriteLine($"  {"enqueue, bytes allocated by the caller per write",-58} {Median(rounds, r => r.EnqueueBytes),10:F1} B");
        Console.WriteLine($"  {"full queue drained (batches of 1000), writes/s",-58} {Median(rounds, r => r.DrainPerSecond),10:F0}");
        Console.WriteLine($"  {"full queue drained, process CPU per write",-58} {Median(rounds, r => r.DrainCpuMicros),10:F2} µs");
        Console.WriteLine($"  {"concurrent callers awaiting each write, writes/s",-58} {Median(rounds, r => r.ConcurrentPerSecond),10:F0}");
        Console.WriteLine($"  {"concurrent callers, process CPU per write",-58} {Median(rounds, r => r.ConcurrentCpuMicros),10:F2} µs");
        Console.WriteLine($"  {"concurrent callers, writes per commit",-58} {Median(rounds, r => r.WritesPerCommit),10:F1}");
        Console.WriteLine($"  {"concurrent callers, time per commit",-58} {Median(rounds, r => r.MillisecondsPerCommit),10:F3} ms");
        Console.WriteLine($"  {"concurrent callers, bytes allocated per write (whole process)",-58} {Median(rounds, r => r.BytesPerWrite),10:F0} B");
        return 0;
    }

    private sealed record Round(double EnqueueBytes, double DrainPerSecond, double DrainCpuMicros, double ConcurrentPerSecond,
        double ConcurrentCpuMicros, double WritesPerCommit, double MillisecondsPerCommit, double BytesPerWrite);

    private static async Task<Round> RoundAsync(int writes, int clients)
    {
        var folder = Directory.CreateTempSubdirectory("portal-log-writer-").FullName;
        try
        {
            var storage = new StorageOptions { DataDirectory = folder };
            await SqliteInsertCost.MigrateAsync(storage);
            await AddLoopAsync(storage);
            var settings = new DecisionLogOptions { QueueCapacity = writes, MaxBatchSize = 1_000 };
            using var writer = new DecisionLogWriter(new SqliteEngine(Options.Create(storage), new SqlitePragmaInterceptor(), NullLoggerFactory.Instance, new Microsoft.Extensions.DependencyInjection.ServiceCollection().BuildServiceProvider()), Options.Create(settings), TimeProvider.System,
                new UrgentWrites(), new StorageHealth(TimeProvider.System), NullLogger<DecisionLogWriter>.Instance);

            // The writer is not started yet: every write waits in the queue, and the caller's allocations are the enqueue alone.
            var backlog = Records("drain", writes);
            var pending = new Task<LogWriteResult>[writes];
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < writes; i++) pending[i] = writer.AppendAsync(backlog[i], CancellationToken.None);
            var enqueueBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)writes;

            var cpu = CpuMicros();
            var clock = Stopwatch.StartNew();
            await writer.StartAsync(CancellationToken.None);
            await Task.WhenAll(pending);
            var drain = writes / clock.Elapsed.TotalSeconds;
            var drainCpu = (CpuMicros() - cpu) / writes;

            var concurrent = Records("concurrent", writes);
            var next = -1;
            var totals = writer.Totals;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            cpu = CpuMicros();
            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < writes; i = Interlocked.Increment(ref next))
                    await writer.AppendAsync(concurrent[i], CancellationToken.None);
            })));
            var elapsed = clock.Elapsed.TotalSeconds;
            var concurrentCpu = (CpuMicros() - cpu) / writes;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)writes;
            var commits = writer.Totals.Batches - totals.Batches;
            var committing = writer.Totals.Committing - totals.Committing;
            await writer.StopAsync(CancellationToken.None);
            return new Round(enqueueBytes, drain, drainCpu, writes / elapsed, concurrentCpu, writes / (double)commits,
                committing.TotalMilliseconds / commits, bytes);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AddLoopAsync(StorageOptions storage)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(SqliteConnections.ConnectionString(storage)).Options;
        await using var db = new PortalDbContext(options);
        db.Loops.Add(new Loop { Id = LoopId, Name = LoopId, ApiKeyHash = "x", ApiKeyHint = "x", PolicyArguments = "" });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Decisions the size of <c>bench/rank.lua</c>'s (10 actions × 20 features): a 2.0 KB request, 1.0 KB of hashed
    /// features, ranking and explanation — about one 4 KB page per row, as Rank logs them.
    /// </summary>
    private static DecisionRecord[] Records(string prefix, int count)
    {
        var actions = string.Join(",", Enumerable.Range(0, 10).Select(a =>
            $$$"""{"id":"a{{{a}}}","features":[{"item":{"id":"item{{{a}}}","category":"cat{{{a % 3}}}","price":{{{5 + a}}},"rating":{{{3 + a % 2}}},"new{{{a % 2}}}":true}},{"promo":{"kind":"k{{{a % 4}}}","discount":{{{a * 0.05:F2}}},"banner":true,"age_days":{{{a + 1}}},"channel":"c{{{a % 2}}}"}}]}"""));
        var request = $$$"""{"contextFeatures":[{"user":{"tier":"gold","country":"DE","age":41,"returning":true,"visits":7}},{"device":{"os":"ios","width":390,"mobile":true,"browser":"safari","battery":0.7}}],"actions":[{{{actions}}}]}""";
        var ranking = "[" + string.Join(",", Enumerable.Range(0, 10).Select(a => $$$"""{"id":"a{{{a}}}","probability":0.{{{a:D2}}}41}""")) + "]";
        var explanation = "[" + string.Join(",", Enumerable.Range(0, 5).Select(f => $$$"""{"feature":"user^tier=gold*item^category{{{f}}}","contribution":0.0{{{f}}}31}""")) + "]";
        var features = new byte[990];
        new Random(7).NextBytes(features);
        return [.. Enumerable.Range(0, count).Select(i => new DecisionRecord(LoopId, $"{prefix}-{i}", DateTimeOffset.UtcNow, request,
            "a3", 0.41, "a3", Explored: false, ModelVersion: 1, LearningMode.Online, ranking, explanation, DeferActivation: false,
            LearnerFeatures: features))];
    }

    private static double CpuMicros() => Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;

    private static double Median(List<Round> rounds, Func<Round, double> pick)
    {
        var values = rounds.Select(pick).Order().ToList();
        return values[values.Count / 2];
    }
}
