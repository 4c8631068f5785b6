using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>contention</c>: concurrent writers on one server for a bounded time — by default 4 Rank, 2 Reward and
/// 2 settings-edit loops — then the responses by writer and status, bodies mentioning "locked", and the server
/// log lines mentioning "locked". Options: --seconds 30 --rank 4 --reward 2 --settings 2 --port 5393 --data DIR.
/// </summary>
public static class ContentionCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var settings = ServerSettings.FromOptions(options, "portal-contention-") with { Port = options.Int("port", 5393) };
        var (rank, reward, edits) = (options.Int("rank", 4), options.Int("reward", 2), options.Int("settings", 2));
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 30));
        Console.WriteLine($"contention: {rank} Rank + {reward} Reward + {edits} settings-edit writers for {duration.TotalSeconds:F0} s; data {settings.DataDirectory}");

        var tally = new StatusTally();
        var elapsed = Stopwatch.StartNew();
        await using (var server = await PortalServer.StartAsync(settings, CancellationToken.None))
        {
            using var http = PortalClient.CreateHttp(settings);
            var writers = new ContentionWriters(new PortalClient(http), tally, "cont" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture));
            using var stop = new CancellationTokenSource(duration);
            elapsed.Restart();
            await Task.WhenAll(Enumerable.Range(0, rank).Select(w => Task.Run(() => writers.RankAsync(w, stop.Token)))
                .Concat(Enumerable.Range(0, reward).Select(_ => Task.Run(() => writers.RewardAsync(stop.Token))))
                .Concat(Enumerable.Range(0, edits).Select(w => Task.Run(() => writers.EditSettingsAsync(w, stop.Token)))));
            elapsed.Stop();
        }

        foreach (var line in tally.Lines(elapsed.Elapsed)) Console.WriteLine(line);
        var logLines = File.ReadLines(Path.Combine(settings.DataDirectory, "server.log")).Count(l => l.Contains("locked", StringComparison.OrdinalIgnoreCase));
        var passed = tally.ServerErrors == 0 && tally.Locked == 0 && tally.Failures == 0;
        Console.WriteLine($"TOTAL 5xx {tally.ServerErrors}, bodies with \"locked\" {tally.Locked}, failed requests {tally.Failures}, " +
                          $"server log lines with \"locked\" {logLines}: {(passed ? "PASS" : "FAIL")}");
        if (!passed) return 1;
        settings.CleanUp();
        return 0;
    }
}
