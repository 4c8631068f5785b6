namespace Portal.Features.Evaluation.Runs;

/// <summary>The SNIPS estimate of one bucket of the window.</summary>
public sealed record StoredTimelinePoint(DateTimeOffset Start, StoredEstimate Estimate);
