namespace Portal.Features.Segments;

/// <summary>Every segment a person can pick for a loop: the saved ones, then each categorical value seen recently.</summary>
public sealed class SegmentChoices(SegmentCatalog catalog, SegmentQueries queries)
{
    public async Task<IReadOnlyList<SegmentChoice>> ForAsync(string? loopId, CancellationToken ct)
    {
        var saved = (loopId is null ? catalog.All : catalog.For(loopId))
            .Select(s => new SegmentChoice($"saved:{s.Id}", s.Name, s.Predicate, Saved: true));
        var automatic = (await queries.KnownFeaturesAsync(loopId, ct))
            .SelectMany(f => f.Values.Select(v => Automatic(f.Feature, v)));
        return saved.Concat(automatic).ToList();
    }

    public static SegmentChoice Automatic(string feature, string value) =>
        new($"auto:{feature}={value}", $"{feature} = {value}", SegmentPredicate.Compile(SegmentDefinition.Is(feature, value)), Saved: false);
}
