using Portal.Data.Entities;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// A logged decision as the aggregator reads it, once its reward wait has passed. The request and explanation are their
/// UTF-8 text as stored (a request whose actions list is stored apart has <c>"actions":[]</c>): only the request's
/// context and the explanation's terms are read from them.
/// </summary>
public sealed record SettledDecision(
    long Seq,
    DateTimeOffset CreatedAt,
    byte[] Request,
    string ChosenActionId,
    bool Explored,
    LearningMode Mode,
    OversightEffects Oversight,
    bool DeferActivation,
    DateTimeOffset? ActivatedAt,
    double? Reward,
    byte[] Explanation);
