using System.Globalization;

namespace Portal.Benchmarks.Feedback;

/// <summary>Busy CPU time of the whole machine so far (all cores, from /proc/stat), to tell the server's share from everyone else's.</summary>
public static class MachineCpu
{
    public static TimeSpan Read()
    {
        if (!File.Exists("/proc/stat")) return TimeSpan.Zero;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait, in USER_HZ (100 per second).
        var ticks = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return TimeSpan.FromMilliseconds(ticks * 10.0);
    }
}
