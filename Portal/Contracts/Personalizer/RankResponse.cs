using System.Text.Json.Serialization;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// Personalizer's RankResponse, plus fields Personalizer clients ignore: whether the choice explored, which model
/// version made it, the top feature contributions per action when the loop enables inference explainability
/// (Personalizer's <c>inferenceExplanation</c>), <c>whyUrl</c>, the public "Why this suggestion?" page of the event, and
/// <c>personalized</c>: false when nothing about the user chose the action (they opted out, a kill switch or the baseline).
/// </summary>
public sealed record RankResponse(
    IReadOnlyList<RankedAction> Ranking,
    string EventId,
    string RewardActionId,
    bool Explored,
    string ModelVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ActionExplanation>? InferenceExplanation = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WhyUrl = null,
    bool Personalized = true);

public sealed record RankedAction(string Id, double Probability);
