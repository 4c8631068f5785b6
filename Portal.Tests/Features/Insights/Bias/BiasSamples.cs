using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Insights.Bias;

/// <summary>Aggregates of a day with two age bands, small enough to compute every figure by hand.</summary>
internal static class BiasSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    public static readonly AnalysisWindow Day = new(Start, Start.AddDays(1));

    public static readonly GroupDefinition[] AgeBands =
    [
        new("f:user.ageBand", "18-24", "18-24"),
        new("f:user.ageBand", "65+", "65+"),
    ];

    /// <summary>
    /// 18-24: 100 decisions, 30 clicks, A 60 / B 40. 65+: 100 decisions, 10 clicks, A 20 / B 80. Everyone: the sum.
    /// Importance: everyone Σ|c| user.visits 40 → 0.2 per decision; 65+ 30 → 0.3.
    /// </summary>
    public static BiasData Data() => new(
        [
            new("f:user.ageBand", "18-24", "A", 60, 60, 20, 20, 6, 0, 0),
            new("f:user.ageBand", "18-24", "B", 40, 40, 10, 10, 4, 0, 0),
            new("f:user.ageBand", "65+", "A", 20, 20, 2, 2, 2, 0, 0),
            new("f:user.ageBand", "65+", "B", 80, 80, 8, 8, 8, 10, 5),
            new("", "", "A", 80, 80, 22, 22, 8, 0, 0),
            new("", "", "B", 120, 120, 18, 18, 12, 10, 5),
        ],
        [
            new("", "", false, "user.visits", 40),
            new("", "", false, "user.device", 60),
            new("", "", true, "user", 100),
            new("f:user.ageBand", "65+", false, "user.visits", 30),
        ],
        [
            new("", "", Start, 100, 15),
            new("", "", Start.AddHours(3), 100, 25),
            new("f:user.ageBand", "65+", Start.AddHours(3), 100, 10),
        ]);

    public static BiasReport Report(ComparisonReference reference = ComparisonReference.Everyone) =>
        BiasAnalysis.Analyze(new BiasQuestion("demo", Day, Feature: "user.ageBand", Reference: reference), AgeBands, Data(), DisparityThresholds.Default);
}
