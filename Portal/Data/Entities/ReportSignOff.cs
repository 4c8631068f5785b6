namespace Portal.Data.Entities;

/// <summary>
/// A compliance reviewer's sign-off of a loop's compliance report for a period: the exact report signed (its HTML and
/// the SHA-256 of it), who signed and when. Written once, with its audit entry.
/// </summary>
public sealed class ReportSignOff
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public DateTimeOffset PeriodFrom { get; set; }
    public DateTimeOffset PeriodTo { get; set; }
    public required string ContentHash { get; set; }
    public required string ReportHtml { get; set; }
    public string? SignedById { get; set; }
    public required string SignedByName { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public string? Note { get; set; }
}
