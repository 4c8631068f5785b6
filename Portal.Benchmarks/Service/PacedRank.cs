using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks.Service;

/// <summary>
/// Rank at a fixed arrival rate (open loop): request i is due at start + i/rate and is sent then, whatever earlier
/// requests are doing, with at most <c>maxInFlight</c> outstanding. Reports the achieved rate and latencies.
/// </summary>
public sealed class PacedRank(PortalClient client, double rate, int maxInFlight = 256)
{
    public sealed record Result(long Sent, long Created, long Failed, TimeSpan Elapsed, double P50Ms, double P99Ms)
    {
        public double Rate => Created / Elapsed.TotalSeconds;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Created:N0} decisions in {Elapsed.TotalSeconds:F1} s = {Rate:F0}/s (p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms, {Failed} failed)");
    }

    public async Task<Result> RunAsync(string prefix, TimeSpan duration)
    {
        using var slots = new SemaphoreSlim(maxInFlight);
        var latencies = new List<double>();
        var running = new List<Task>();
        long created = 0, failed = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0L; clock.Elapsed < duration; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            await slots.WaitAsync();
            sent++;
            var n = i;
            running.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var reply = await client.RankAsync($"{prefix}-{n}", (int)(n % 1000), CancellationToken.None);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (reply.Status == 201) Interlocked.Increment(ref created);
                    else Interlocked.Increment(ref failed);
                    lock (latencies) latencies.Add(ms);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    slots.Release();
                }
            }));
            if (running.Count > 10_000) running.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(running);
        clock.Stop();
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new Result(sent, created, failed, clock.Elapsed, At(0.5), At(0.99));
    }
}
