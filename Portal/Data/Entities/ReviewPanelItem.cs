namespace Portal.Data.Entities;

/// <summary>
/// One decision of a panel's sample. <see cref="ItemJson"/> is what reviewers see (the suggestion, the ranking, why, the
/// data used), built once without audit-only values, reserved keys, free text or ids. The decision's ids stay here only to
/// link a ticket to it; they never reach a reviewer.
/// </summary>
public sealed class ReviewPanelItem
{
    public long Id { get; set; }
    public long PanelId { get; set; }

    /// <summary>The order reviewers see the items in (shuffled by the panel's seed, the same for every reviewer).</summary>
    public int Position { get; set; }

    /// <summary>The segment the item was drawn for (<c>user.ageBand = 65+</c>, or a saved segment's name).</summary>
    public required string Segment { get; set; }

    public required string LoopId { get; set; }
    public required string EventId { get; set; }
    public required string ItemJson { get; set; }
}
