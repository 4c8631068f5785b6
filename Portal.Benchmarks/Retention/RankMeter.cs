using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks.Retention;

/// <summary>
/// Reads a running <see cref="Service.RankFlood"/>'s acknowledged decisions over one phase of a run: the phase's own
/// rate and the rates of its whole windows (a window cut short by the phase's end is left out of them).
/// </summary>
public sealed class RankMeter(Service.RankFlood flood, TimeSpan window)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public sealed record Phase(long Decisions, TimeSpan Elapsed, IReadOnlyList<double> WindowRates)
    {
        public double Rate => Decisions / Elapsed.TotalSeconds;

        public double MedianWindow => Median(WindowRates);

        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            if (sorted.Length == 0) return double.NaN;
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Decisions:N0} decisions in {Elapsed.TotalSeconds:F1} s = {Rate:F0}/s; {WindowRates.Count} windows of {{{string.Join(", ", WindowRates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}}}/s");
    }

    public Task<Phase> ForAsync(TimeSpan duration) => UntilAsync(elapsed => Task.FromResult(elapsed >= duration));

    /// <summary>Measures until <paramref name="done"/> (asked about every half second with the time so far) says so.</summary>
    public async Task<Phase> UntilAsync(Func<TimeSpan, Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        var first = flood.Acknowledged.Count;
        var (windowCount, windowStart) = (first, TimeSpan.Zero);
        var rates = new List<double>();
        while (!await done(clock.Elapsed))
        {
            await Task.Delay(Poll);
            var now = clock.Elapsed;
            if (now - windowStart < window) continue;
            var count = flood.Acknowledged.Count;
            rates.Add((count - windowCount) / (now - windowStart).TotalSeconds);
            (windowCount, windowStart) = (count, now);
        }
        return new Phase(flood.Acknowledged.Count - first, clock.Elapsed, rates);
    }
}
