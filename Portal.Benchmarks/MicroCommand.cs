using BenchmarkDotNet.Running;

namespace Portal.Benchmarks;

/// <summary><c>micro</c>: BenchmarkDotNet scoring benchmarks, then the p50/p99 latency probe.</summary>
public static class MicroCommand
{
    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromTypes([typeof(ScoringBenchmarks)]).Run(args.Length == 0 ? ["--filter", "*"] : args);
        foreach (var (name, policy) in new[] { ("P", Portal.Features.Learning.PolicyParser.PersonalizerDefault), ("ours", Portal.Features.Learning.PolicyParser.PortalDefault) })
        {
            var result = LatencyProbe.Measure(policy);
            Console.WriteLine($"Rank latency {name}: p50 {result.P50Micros:F2} µs, p99 {result.P99Micros:F2} µs, {result.BytesPerDecision:F1} B allocated/decision");
        }

        return 0;
    }
}
