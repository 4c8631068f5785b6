using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Portal.Benchmarks.Service;

namespace Portal.Benchmarks.Feedback;

/// <summary>
/// <c>feedback-post</c>: POST /feedback on a Release server with the rate limits lifted by settings, from --clients (16)
/// simulated browsers on loopback for --seconds (20) after a --warmup (5 s); prints requests/s, latency percentiles,
/// statuses, the server's share of the machine's CPU, and checks that every acknowledged post is a ticket.
/// The load generator shares the cores with the server. Options: --clients 16 --seconds 20 --warmup 5 --port 5394 --data DIR.
/// </summary>
public static class FeedbackPostCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var settings = ServerSettings.FromOptions(options, "portal-feedback-post-") with
        {
            Port = options.Int("port", 5394),
            Environment = new Dictionary<string, string>
            {
                ["Portal__RateLimits__FeedbackPostsPerMinute"] = "1000000",
                ["Portal__RateLimits__FeedbackPostsPerMinuteGlobal"] = "10000000",
            },
        };
        var (clients, seconds, warmup) = (options.Int("clients", 16), options.Int("seconds", 20), options.Int("warmup", 5));
        Console.WriteLine($"feedback-post: {clients} clients, {warmup} s warm-up, {seconds} s measured, {Environment.ProcessorCount} cores shared with the server; data {settings.DataDirectory}");

        var statuses = new ConcurrentDictionary<int, long>();
        var latencies = new ConcurrentBag<double>();
        long received = 0;
        TimeSpan serverCpu, clientCpu, machine;
        TimeSpan elapsed;
        await using (var server = await PortalServer.StartAsync(settings, CancellationToken.None))
        {
            var browsers = Enumerable.Range(0, clients).Select(n => new FeedbackPostClient(settings.BaseAddress, n)).ToList();
            await Task.WhenAll(browsers.Select(b => b.OpenFormAsync(CancellationToken.None)));
            await RunAsync(browsers, TimeSpan.FromSeconds(warmup), (_, _, _) => { });

            using var process = Process.GetProcessById(server.Id);
            var cpuBefore = process.TotalProcessorTime;
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var machineBefore = MachineCpu.Read();
            var watch = Stopwatch.StartNew();
            await RunAsync(browsers, TimeSpan.FromSeconds(seconds), (status, ok, ms) =>
            {
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                latencies.Add(ms);
                if (ok) Interlocked.Increment(ref received);
            });
            elapsed = watch.Elapsed;
            process.Refresh();
            serverCpu = process.TotalProcessorTime - cpuBefore;
            clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
            machine = MachineCpu.Read() - machineBefore;
            browsers.ForEach(b => b.Dispose());
        }

        var sorted = latencies.Order().ToArray();
        var total = sorted.Length;
        var tickets = await CountTicketsAsync(settings.DatabasePath);
        Console.WriteLine($"  requests/s {total / elapsed.TotalSeconds:N0} (tickets confirmed on the page: {received / elapsed.TotalSeconds:N0}/s)");
        Console.WriteLine($"  latency p50 {Percentile(sorted, 0.50):F1} ms, p90 {Percentile(sorted, 0.90):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms");
        Console.WriteLine($"  statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "failed" : s.Key.ToString())} × {s.Value:N0}"))}");
        var capacity = elapsed.TotalMilliseconds * Environment.ProcessorCount;
        var perPost = serverCpu.TotalMilliseconds / Math.Max(1, total);
        Console.WriteLine($"  CPU of the {Environment.ProcessorCount} cores: server {serverCpu.TotalMilliseconds / capacity:P0}, this load generator {clientCpu.TotalMilliseconds / capacity:P0}, " +
                          $"other processes {Math.Max(0, machine.TotalMilliseconds - serverCpu.TotalMilliseconds - clientCpu.TotalMilliseconds) / capacity:P0}, idle {Math.Max(0, 1 - machine.TotalMilliseconds / capacity):P0}");
        Console.WriteLine($"  server CPU per post {perPost:F2} ms: on {Environment.ProcessorCount} cores of its own the server could take about {Environment.ProcessorCount * 1000 / perPost:N0} posts/s");
        Console.WriteLine($"  tickets in the database: {tickets:N0} (warm-up included); every confirmed post stored: {(tickets >= received ? "yes" : "NO")}");
        var passed = total / elapsed.TotalSeconds >= 300 && statuses.Keys.All(s => s == 200) && tickets >= received;
        Console.WriteLine(passed ? "PASS: ≥ 300 posts/s, all 200, all stored" : "FAIL (target ≥ 300 posts/s, all 200, all stored)");
        if (passed) settings.CleanUp();
        return passed ? 0 : 1;
    }

    private static Task RunAsync(List<FeedbackPostClient> browsers, TimeSpan duration, Action<int, bool, double> record)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(browsers.Select(browser => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var (status, ok, ms) = await browser.PostAsync(CancellationToken.None);
                record(status, ok, ms);
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static async Task<long> CountTicketsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM FeedbackTickets";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
