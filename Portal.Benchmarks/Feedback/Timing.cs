using System.Diagnostics;

namespace Portal.Benchmarks.Feedback;

/// <summary>Wall-clock milliseconds of repeated calls: median, p90 and max after warm-up calls.</summary>
public readonly record struct Timing(double Median, double P90, double Max)
{
    public static async Task<Timing> MeasureAsync(int repeats, Func<Task> call, int warmups = 3)
    {
        for (var i = 0; i < warmups; i++) await call();
        var samples = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return new Timing(samples[samples.Length / 2], samples[(int)Math.Ceiling(samples.Length * 0.9) - 1], samples[^1]);
    }
}
