namespace Portal.Features.Feedback.Tickets;

/// <summary>The outcome of a bulk change: how many tickets changed, and why the others did not.</summary>
public sealed record BulkTriageResult(int Changed, IReadOnlyList<string> Refusals);
