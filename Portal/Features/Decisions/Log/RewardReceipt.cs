namespace Portal.Features.Decisions.Log;

/// <summary>One reward as received: the value, who sent it (see <see cref="RewardSources"/>) and when.</summary>
public readonly record struct RewardReceipt(string LoopId, string EventId, double Value, string Source, DateTimeOffset ReceivedAt);
