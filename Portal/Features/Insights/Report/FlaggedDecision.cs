namespace Portal.Features.Insights.Report;

/// <summary>A decision a person flagged as wrong in the period.</summary>
public sealed record FlaggedDecision(DateTimeOffset At, string EventId, string FlaggedBy, string Note);
