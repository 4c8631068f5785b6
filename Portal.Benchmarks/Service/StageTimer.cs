using System.Diagnostics;

namespace Portal.Benchmarks.Service;

/// <summary>Time and allocation per call of one stage, single thread: a warm-up pass, then the median of five passes.</summary>
public static class StageTimer
{
    public readonly record struct Cost(double Micros, double Bytes);

    public static Cost Measure(int calls, Action<int> stage)
    {
        for (var i = 0; i < calls; i++) stage(i);
        var passes = new List<Cost>();
        for (var pass = 0; pass < 5; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++) stage(i);
            var micros = clock.Elapsed.TotalMicroseconds / calls;
            passes.Add(new Cost(micros, (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls));
        }
        return passes.OrderBy(c => c.Micros).ElementAt(passes.Count / 2);
    }
}
