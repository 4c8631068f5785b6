using BenchmarkDotNet.Attributes;
using Portal.Contracts;
using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmarks of scoring: 10 actions × 20 features with interactions.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ScoringWorkload workload = null!;
    private readonly FeatureContribution[] top = new FeatureContribution[10];

    [Params("personalizer", "portal")]
    public string Policy { get; set; } = "personalizer";

    [GlobalSetup]
    public void Setup() =>
        workload = new ScoringWorkload(Policy == "portal" ? PolicyParser.PortalDefault : PolicyParser.PersonalizerDefault);

    [Benchmark(Baseline = true)]
    public int Rank() => workload.Model.Rank(workload.Context, workload.Actions, [], 12345, workload.Probabilities).ChosenIndex;

    [Benchmark]
    public double ScoreOne() => workload.Model.Score(workload.Context, workload.Actions[3]);

    [Benchmark]
    public int ExplainTop10() => workload.Model.Explain(workload.Context, workload.Actions[3], top);
}
