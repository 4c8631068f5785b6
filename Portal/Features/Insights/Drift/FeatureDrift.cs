using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights.Drift;

/// <summary>One context feature's population stability index between the reference window and the recent one.</summary>
public sealed record FeatureDrift(string Feature, bool IsNumeric, double Psi, DriftLevel Level, long ReferenceDecisions, long RecentDecisions, int Bins);
