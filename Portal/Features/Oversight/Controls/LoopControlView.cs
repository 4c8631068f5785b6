namespace Portal.Features.Oversight.Controls;

/// <summary>One loop's controls as the Controls page shows them; <see cref="AwaitingGoLive"/>: Rank serves only the baseline whatever the mode.</summary>
public sealed record LoopControlView(
    string LoopId,
    string Name,
    ServingMode Mode,
    KillSwitchView KillSwitch,
    bool RequireRuleApproval,
    IReadOnlyList<ActiveFreeze> Frozen,
    IReadOnlyList<CatalogEntry> Actions,
    bool AwaitingGoLive);

public sealed record KillSwitchView(bool On, string? Reason, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>An action of the catalog, to pick for a freeze.</summary>
public sealed record CatalogEntry(string ActionId, string? DisplayName)
{
    public string Label => DisplayName is null ? ActionId : $"{DisplayName} ({ActionId})";
}
