using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>Personalizer's RankRequest (v1.0).</summary>
public sealed record RankRequest(
    IReadOnlyList<JsonElement>? ContextFeatures,
    IReadOnlyList<RankableAction>? Actions,
    IReadOnlyList<string>? ExcludedActions,
    string? EventId,
    bool DeferActivation);

public sealed record RankableAction(string? Id, FeatureList? Features);
