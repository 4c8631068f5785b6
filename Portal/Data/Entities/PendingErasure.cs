namespace Portal.Data.Entities;

/// <summary>
/// A data-subject erasure that was asked for and has not finished. It runs in the background whatever the page that
/// asked does; after a restart, a crash or an error, or when the node running it stopped, a node takes it up again
/// (see <c>BackgroundErasures</c>). Holds the person's id and address only until their erasure has completed.
/// </summary>
public sealed class PendingErasure
{
    public long Id { get; set; }

    public string? UserId { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>Also forget the opt-out entries (the administrator's choice in the dialog or the API's <c>removeOptOuts</c>).</summary>
    public bool RemoveOptOuts { get; set; }

    /// <summary>Who asked, as the audit log names them.</summary>
    public string? RequestedById { get; set; }

    public required string RequestedByName { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The node running it ("" when none), which renews <see cref="ClaimedUntil"/> while it runs.</summary>
    public string Holder { get; set; } = "";

    /// <summary>Until when the holder has it; after that any node may take it up (at once after a clean stop, later after an error).</summary>
    public DateTimeOffset ClaimedUntil { get; set; }

    /// <summary>Runs that stopped with an error; the erasure is given up (and that audited) after too many.</summary>
    public int FailedRuns { get; set; }

    /// <summary>Who asked, on a node that does not run it, to stop it; the node running it stops at its next renewal.</summary>
    public string? CancelRequestedBy { get; set; }

    /// <summary>The running erasure's step ("Decisions") as its node last wrote it (with each renewal), for other nodes' pages.</summary>
    public string? ProgressStep { get; set; }

    /// <summary>The share of that step done, 0 to 1.</summary>
    public double? ProgressDone { get; set; }

    /// <summary>When the running node wrote the progress.</summary>
    public DateTimeOffset? ProgressAt { get; set; }

    /// <summary>What stopped the last failed run (the error's message), shown on the page.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// When it failed too often and Portal stopped running it by itself: it stays recorded (the erasure is still owed)
    /// until a person runs it again or cancels it.
    /// </summary>
    public DateTimeOffset? GivenUpAt { get; set; }
}
