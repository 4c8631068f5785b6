using Portal.Data.Entities;

namespace Portal.Features.LiveStream;

/// <summary>One decision as a row of the live stream. Its reward fills in when it arrives.</summary>
public sealed class StreamRow
{
    public required string LoopId { get; init; }
    public required string EventId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string ChosenActionId { get; init; }
    public double Probability { get; init; }
    public bool Explored { get; init; }
    public required string BaselineActionId { get; init; }
    public OversightEffects Oversight { get; init; }
    public string? OversightDetail { get; init; }
    public required IReadOnlyList<string> Segments { get; init; }
    public required string ContextSummary { get; init; }

    public double? Reward { get; set; }
    public int RewardCount { get; set; }

    /// <summary>Set once a render has shown it; a row pushed out before that counts as skipped.</summary>
    internal bool Shown { get; set; }

    public bool Overridden => (Oversight & ~OversightEffects.ModelFrozen) != 0;
}
