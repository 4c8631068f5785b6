namespace Portal.Data.Entities;

/// <summary>An item of a loop's catalog, registered from Rank calls with its latest features.</summary>
public sealed class LoopAction
{
    public required string LoopId { get; set; }
    public required string ActionId { get; set; }

    /// <summary>Editable in the portal; null shows the id.</summary>
    public string? DisplayName { get; set; }

    public required string FeaturesJson { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
