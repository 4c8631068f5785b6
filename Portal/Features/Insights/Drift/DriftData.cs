namespace Portal.Features.Insights.Drift;

/// <summary>The value histograms and decision counts of the reference and the recent window.</summary>
public sealed record DriftData(
    IReadOnlyList<ValueHistogram> Reference, long ReferenceDecisions,
    IReadOnlyList<ValueHistogram> Recent, long RecentDecisions);
