using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Data.Entities;

namespace Portal.Features.Decisions.Feed;

/// <summary>Something that just happened to a loop's decisions, as open pages receive it (from other nodes too, as JSON).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DecidedItem), "decided")]
[JsonDerivedType(typeof(RewardedItem), "rewarded")]
public abstract record FeedItem(string LoopId, string EventId);

/// <summary>A decision, committed.</summary>
public sealed record DecidedItem(
    string LoopId,
    string EventId,
    DateTimeOffset CreatedAt,
    string ChosenActionId,
    double ChosenProbability,
    string BaselineActionId,
    bool Explored,
    long ModelVersion,
    LearningMode Mode,
    OversightEffects Oversight,
    long? RuleId,
    string? OversightDetail,
    int CandidateCount,
    IReadOnlyList<JsonElement> Context) : FeedItem(LoopId, EventId);

/// <summary>A reward, committed: <see cref="Value"/> is what was reported, aggregated by the loop's rule.</summary>
public sealed record RewardedItem(string LoopId, string EventId, double Value, RewardAggregation Aggregation) : FeedItem(LoopId, EventId);
