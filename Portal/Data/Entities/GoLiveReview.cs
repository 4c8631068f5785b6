namespace Portal.Data.Entities;

/// <summary>
/// One go-live review of a loop: until a loop has a review that is not withdrawn, it serves only the baseline. Rows are
/// never changed except to be withdrawn (who, when, why); recording again adds the next version, so the history stays.
/// </summary>
public sealed class GoLiveReview
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public int Version { get; set; }
    public GoLiveReviewSource Source { get; set; }

    public bool LegalReviewDone { get; set; }
    public required string LegalReference { get; set; }
    public bool SensitiveFeaturesChecked { get; set; }
    public bool OptOutWired { get; set; }

    /// <summary>The newest data-handling statement when the review was recorded, as Portal checked it (null: none).</summary>
    public int? StatementVersion { get; set; }

    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public required string RecordedByName { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnById { get; set; }
    public string? WithdrawnByName { get; set; }
    public string? WithdrawReason { get; set; }
}

/// <summary>How a go-live review came to be recorded.</summary>
public enum GoLiveReviewSource
{
    /// <summary>A compliance reviewer (or administrator) filled in the checklist.</summary>
    Person = 0,

    /// <summary>The loop existed before go-live reviews did: the migration recorded it as reviewed so it kept serving.</summary>
    Migration = 1,

    /// <summary>The demo loop, recorded by Portal when it provisioned it (simulated traffic, no real people).</summary>
    Demo = 2,
}
