namespace Portal.Features.Segments;

/// <summary>A segment as pickers offer it: a saved one, or an automatic one (one categorical value of a feature).</summary>
public sealed record SegmentChoice(string Key, string Label, SegmentPredicate Predicate, bool Saved)
{
    public SegmentDefinition Definition => Predicate.Definition;
}
