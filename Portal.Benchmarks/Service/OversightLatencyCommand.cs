using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>oversight-latency</c>: Rank clients run at full speed while an administrator's script freezes an action (or pulls
/// the kill switch, or withdraws the loop's go-live review) through the oversight API, 100 times, alternating with undoing
/// it (unfreeze, switch off, record the review again). For each trial: the time from sending the change to the first Rank
/// answer that obeys it, and how many Rank calls sent after the change was acknowledged still disobeyed (must be 0).
/// Options: --trials 100 --clients 4 --port 5394 --data DIR --only freeze|kill|golive (default: all three).
/// </summary>
public static class OversightLatencyCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var settings = ServerSettings.FromOptions(options, "portal-oversight-") with { Port = options.Int("port", 5394) };
        var trials = options.Int("trials", 100);
        var clients = options.Int("clients", 4);
        var only = options.Text("only", "");
        bool Runs(string mode) => only.Length == 0 || only == mode;
        Console.WriteLine($"oversight-latency: {trials} trials each of {(only.Length == 0 ? "freeze, kill switch and go-live withdrawal" : only)}, {clients} Rank clients at full speed; data {settings.DataDirectory}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at start: {LoadAverage()}"));

        await using var server = await PortalServer.StartAsync(settings, CancellationToken.None);
        using var rankHttp = PortalClient.CreateHttp(settings);
        using var admin = new HttpClient { BaseAddress = settings.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerSettings.AdminToken);
        await new PortalClient(rankHttp).RankAsync("warm-up", 0, CancellationToken.None);
        await Task.Delay(1000);

        var probe = new ObedienceProbe(new PortalClient(rankHttp), clients);
        var elapsed = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var ranking = probe.RunAsync(stop.Token);
        var freeze = !Runs("freeze") ? null : await TrialsAsync(trials, admin, probe,
            on => Send(admin, HttpMethod.Post, $"api/v1/loops/demo/actions/a3/{(on ? "freeze" : "unfreeze")}", """{"reason":"latency benchmark"}"""),
            ObedienceProbe.Frozen("a3"));
        var kill = !Runs("kill") ? null : await TrialsAsync(trials, admin, probe,
            on => Send(admin, HttpMethod.Put, "api/v1/loops/demo/kill-switch", $$"""{"on":{{(on ? "true" : "false")}},"reason":"latency benchmark"}"""),
            ObedienceProbe.Baseline);
        // Withdrawing the go-live review is the change; recording it again (a new version each time) undoes it.
        var goLive = !Runs("golive") ? null : await TrialsAsync(trials, admin, probe,
            withdraw => withdraw
                ? Send(admin, HttpMethod.Post, "api/v1/loops/demo/go-live-review/withdraw", """{"reason":"latency benchmark"}""")
                : Send(admin, HttpMethod.Post, "api/v1/loops/demo/go-live-review",
                    """{"legalReviewDone":true,"legalReference":"latency benchmark","sensitiveFeaturesChecked":true,"optOutWired":true,"note":"latency benchmark"}"""),
            ObedienceProbe.Baseline);
        await stop.CancelAsync();
        await ranking;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rank calls during the run: {probe.Total:N0} in {elapsed.Elapsed.TotalSeconds:F1} s ({probe.Total / elapsed.Elapsed.TotalSeconds:F0}/s, {probe.Failures} failed); load average at end: {LoadAverage()}"));
        var passed = (freeze is null || Report("freeze", freeze)) & (kill is null || Report("kill switch", kill))
            & (goLive is null || Report("go-live withdrawal", goLive)) && probe.Failures == 0;
        Console.WriteLine(passed ? "PASS" : "FAIL");
        if (passed) settings.CleanUp();
        return passed ? 0 : 1;
    }

    private sealed record Trial(double MillisecondsToObey, int LateDisobedient);

    private static async Task<List<Trial>> TrialsAsync(int trials, HttpClient admin, ObedienceProbe probe,
        Func<bool, Task<(int Status, TimeSpan Took)>> change, Func<JsonElement, bool> obeys)
    {
        var results = new List<Trial>(trials);
        for (var i = 0; i < trials; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            probe.Watch(obeys, sent);
            var (status, _) = await change(true);
            if (status is not (200 or 201)) throw new InvalidOperationException($"The oversight API answered {status}.");
            probe.Acknowledged(Stopwatch.GetTimestamp());
            var firstObeyed = await probe.FirstObedientAsync();
            results.Add(new Trial(Stopwatch.GetElapsedTime(sent, firstObeyed).TotalMilliseconds, probe.LateDisobedient));
            var (undo, _) = await change(false);
            if (undo is not (200 or 201)) throw new InvalidOperationException($"Undoing answered {undo}.");
            await Task.Delay(50);
        }
        return results;
    }

    private static bool Report(string what, List<Trial> trials)
    {
        var ms = trials.Select(t => t.MillisecondsToObey).Order().ToArray();
        double At(double q) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
        var late = trials.Sum(t => t.LateDisobedient);
        var ok = At(0.99) <= 1000 && late == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-18} trials {ms.Length}: to first obeying Rank p50 {At(0.5):F1} ms, p99 {At(0.99):F1} ms, max {ms[^1]:F1} ms; " +
            $"Rank calls sent after the change was acknowledged that disobeyed: {late} — {(ok ? "PASS" : "FAIL")} (p99 ≤ 1000 ms, 0 late)"));
        return ok;
    }

    /// <summary>The 1-minute load average (the machine is shared: figures are read beside it).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static async Task<(int, TimeSpan)> Send(HttpClient http, HttpMethod method, string path, string json)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, Stopwatch.GetElapsedTime(started));
    }
}
