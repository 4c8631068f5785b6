using BenchmarkDotNet.Attributes;
using Portal.Contracts;
using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmarks of scoring: 10 actions × 20 features with interactions.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ScoringWorkload _workload = null!;
    private readonly FeatureContribution[] _top = new FeatureContribution[10];

    [Params("personalizer", "portal")]
    public string Policy { get; set; } = "personalizer";

    [GlobalSetup]
    public void Setup() =>
        _workload = new ScoringWorkload(Policy == "portal" ? PolicyParser.PortalDefault : PolicyParser.PersonalizerDefault);

    [Benchmark(Baseline = true)]
    public int Rank() => _workload.Model.Rank(_workload.Context, _workload.Actions, [], 12345, _workload.Probabilities).ChosenIndex;

    [Benchmark]
    public double ScoreOne() => _workload.Model.Score(_workload.Context, _workload.Actions[3]);

    [Benchmark]
    public int ExplainTop10() => _workload.Model.Explain(_workload.Context, _workload.Actions[3], _top);
}
