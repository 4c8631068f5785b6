namespace Portal.Features.Decisions.Log;

/// <summary>An action seen in a Rank call whose features are new or changed: the catalog is updated with them.</summary>
public sealed record ActionSighting(string LoopId, string ActionId, string FeaturesJson, DateTimeOffset SeenAt);
