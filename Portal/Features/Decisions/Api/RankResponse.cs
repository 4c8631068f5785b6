using System.Text.Json.Serialization;
using Portal.Features.Learning;

namespace Portal.Features.Decisions.Api;

/// <summary>
/// Personalizer's RankResponse, plus fields Personalizer clients ignore: whether the choice explored,
/// which model version made it, and (when the loop enables it) the top feature contributions.
/// </summary>
public sealed record RankResponse(
    IReadOnlyList<RankedAction> Ranking,
    string EventId,
    string RewardActionId,
    bool Explored,
    string ModelVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FeatureContribution>? Explanation = null);

public sealed record RankedAction(string Id, double Probability);
