namespace Portal.Features.Integrity;

/// <summary>The quarantine form's fields, in UTC as the page shows them.</summary>
public sealed class QuarantineForm
{
    public DateTime? FromDate { get; set; }
    public TimeSpan? FromTime { get; set; }
    public DateTime? ToDate { get; set; }
    public TimeSpan? ToTime { get; set; }
    public string? Reason { get; set; }

    /// <summary>Only decisions rewarded from this source; empty: all of the window.</summary>
    public string? Source { get; set; }

    public DateTimeOffset? From => At(FromDate, FromTime);
    public DateTimeOffset? To => At(ToDate, ToTime);

    private static DateTimeOffset? At(DateTime? date, TimeSpan? time) =>
        date is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day.Date, DateTimeKind.Utc)) + (time ?? TimeSpan.Zero) : null;
}
