using Portal.Data.Entities;

namespace Portal.Features.Insights.Aggregation;

/// <summary>A logged decision as the aggregator reads it, once its reward wait has passed.</summary>
public sealed record SettledDecision(
    long Seq,
    DateTimeOffset CreatedAt,
    string RequestJson,
    string ChosenActionId,
    bool Explored,
    LearningMode Mode,
    OversightEffects Oversight,
    bool DeferActivation,
    DateTimeOffset? ActivatedAt,
    double? Reward,
    string ExplanationJson);
