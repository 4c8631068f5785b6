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

    /// <summary>The context as received; described (segments, summary) only once the row is about to be shown.</summary>
    public required IReadOnlyList<System.Text.Json.JsonElement> Context { get; init; }

    public IReadOnlyList<string> Segments { get; internal set; } = [];
    public string ContextSummary { get; internal set; } = "";

    public double? Reward { get; set; }
    public int RewardCount { get; set; }

    /// <summary>Set once a render has shown it; a row pushed out before that counts as skipped.</summary>
    internal bool Shown { get; set; }

    /// <summary>Fills in what is shown about the context: done for shown rows only, most rows of a fast stream never are.</summary>
    internal void Describe(Segments.SegmentCatalog catalog)
    {
        Segments = LiveStreamBuffer.SegmentsOf(catalog, LoopId, Context);
        ContextSummary = LiveStreamBuffer.Summary(Context);
    }

    public bool Overridden => (Oversight & ~OversightEffects.ModelFrozen) != 0;
}
