using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>Per-decision latency percentiles and allocation of <c>BanditModel.Rank</c> on <see cref="ScoringWorkload"/>.</summary>
public static class LatencyProbe
{
    public sealed record Result(double P50Micros, double P99Micros, double BytesPerDecision);

    public static Result Measure(string policyArguments, int decisions = 200_000)
    {
        var w = new ScoringWorkload(policyArguments);
        for (var i = 0; i < 20_000; i++) w.Model.Rank(w.Context, w.Actions, [], (ulong)i, w.Probabilities);
        var ticks = new long[decisions];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < decisions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            w.Model.Rank(w.Context, w.Actions, [], (ulong)i, w.Probabilities);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Array.Sort(ticks);
        double Micros(double q) => ticks[(int)(q * (decisions - 1))] * 1e6 / Stopwatch.Frequency;
        return new Result(Micros(0.50), Micros(0.99), allocated / (double)decisions);
    }
}
