using System.Diagnostics;
using Portal.Benchmarks.Service;

namespace Portal.Benchmarks.Retention;

/// <summary>
/// Waits until a server without load uses less than a tenth of one core in three two-second samples in a row (longer
/// than the aggregator's 5 s interval): its trainer and aggregator have caught up on the history that was written into
/// its database behind their backs.
/// </summary>
public static class ServerIdle
{
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(2);

    public static async Task<TimeSpan> WaitAsync(int serverId, TimeSpan limit)
    {
        var cpu = new CpuShares(serverId);
        var clock = Stopwatch.StartNew();
        for (var quiet = 0; clock.Elapsed < limit;)
        {
            cpu.Start();
            await Task.Delay(Sample);
            quiet = cpu.ServerMicroseconds() < 0.1 * Sample.TotalMicroseconds ? quiet + 1 : 0;
            if (quiet == 3) return clock.Elapsed;
        }
        throw new TimeoutException($"The server was still busy after {limit.TotalMinutes:F0} minutes without load.");
    }
}
