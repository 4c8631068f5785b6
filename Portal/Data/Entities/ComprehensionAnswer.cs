namespace Portal.Data.Entities;

/// <summary>
/// An end user's answer to "Was this explanation clear?" on the Why page of one decision: one row per decision (a second
/// answer replaces the first). The decision's time decides when it goes with the log's retention; the user's keyed hash
/// (as the opt-out registry keeps it) finds the answers of someone who opts out or asks to be erased.
/// </summary>
public sealed class ComprehensionAnswer
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public required string EventId { get; set; }

    /// <summary>When the decision was made (the log's retention counts from it).</summary>
    public DateTimeOffset DecidedAt { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>Yes: the explanation was clear.</summary>
    public bool Clear { get; set; }

    /// <summary>What the end user wrote, as text; null when they wrote nothing. Never a feature, never markup.</summary>
    public string? Comment { get; set; }

    /// <summary>The keyed hash (hex) of the decision's user id; null when the application sent none.</summary>
    public string? UserHash { get; set; }
}
