namespace Portal.Data.Entities;

/// <summary>A person's verdict that a decision was wrong. A flagged decision is never learned from.</summary>
public sealed class DecisionFlag
{
    public long Id { get; set; }
    public long DecisionSeq { get; set; }
    public required string LoopId { get; set; }
    public required string EventId { get; set; }
    public required string Note { get; set; }
    public string? FlaggedById { get; set; }
    public required string FlaggedByName { get; set; }
    public DateTimeOffset FlaggedAt { get; set; }
}
