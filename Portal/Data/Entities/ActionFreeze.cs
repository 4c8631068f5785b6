namespace Portal.Data.Entities;

/// <summary>
/// An action taken out of a loop's candidates: from <see cref="FrozenAt"/> until it is lifted or expires.
/// Rows are kept after they end, as the history of the action.
/// </summary>
public sealed class ActionFreeze
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public required string ActionId { get; set; }
    public required string Reason { get; set; }
    public string? FrozenById { get; set; }
    public required string FrozenByName { get; set; }
    public DateTimeOffset FrozenAt { get; set; }

    /// <summary>When the freeze ends by itself; null: until someone lifts it.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftedByName { get; set; }
    public string? LiftReason { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => LiftedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
