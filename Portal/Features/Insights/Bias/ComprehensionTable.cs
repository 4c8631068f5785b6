using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights.Bias;

/// <summary>"Was this explanation clear?" answered in a window, per group of a bias question (its feature's values or its saved segments), and for everyone.</summary>
public sealed record ComprehensionTable(BiasQuestion Question, IReadOnlyList<ComprehensionRate> Groups, ComprehensionRate Everyone)
{
    public string Title => Question.BySegments ? "Saved segments" : $"By {Question.Feature}";
}
