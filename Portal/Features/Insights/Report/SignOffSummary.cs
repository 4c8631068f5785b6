namespace Portal.Features.Insights.Report;

/// <summary>A recorded sign-off of a loop's report: who, when, for which period, and the SHA-256 of the document signed.</summary>
public sealed record SignOffSummary(long Id, DateTimeOffset PeriodFrom, DateTimeOffset PeriodTo, string SignedBy, DateTimeOffset SignedAt, string ContentHash, string? Note);
