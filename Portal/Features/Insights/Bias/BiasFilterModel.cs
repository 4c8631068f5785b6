namespace Portal.Features.Insights.Bias;

/// <summary>The bias page's choices, bound to its selectors; turned into a <see cref="BiasQuestion"/>.</summary>
public sealed class BiasFilterModel
{
    public const string BySegments = "(saved segments)";

    public string? LoopId { get; set; }

    /// <summary>A categorical feature path, or <see cref="BySegments"/>.</summary>
    public string? CompareBy { get; set; }

    public IReadOnlyCollection<long> SegmentIds { get; set; } = [];
    public WindowChoice Window { get; set; } = WindowChoice.Last24Hours;
    public DateTime? CustomFrom { get; set; }
    public DateTime? CustomTo { get; set; }
    public ComparisonReference Reference { get; set; } = ComparisonReference.Everyone;

    /// <summary>Null: compare reward rates; an action id: compare how often each group is shown it.</summary>
    public string? ActionId { get; set; }

    /// <summary>The question, or null while a choice is missing (no loop, no feature, no segment, no custom dates).</summary>
    public BiasQuestion? ToQuestion(DateTimeOffset now)
    {
        if (LoopId is null || CompareBy is null) return null;
        if (CompareBy == BySegments && SegmentIds.Count == 0) return null;
        if (Window == WindowChoice.Custom && (CustomFrom is null || CustomTo is null)) return null;
        var window = AnalysisWindow.Of(Window, Day(CustomFrom), Day(CustomTo), now);
        return CompareBy == BySegments
            ? new BiasQuestion(LoopId, window, SegmentIds: SegmentIds.ToList(), Reference: Reference, ActionId: ActionId)
            : new BiasQuestion(LoopId, window, Feature: CompareBy, Reference: Reference, ActionId: ActionId);
    }

    private static DateOnly? Day(DateTime? at) => at is { } value ? DateOnly.FromDateTime(value) : null;
}
