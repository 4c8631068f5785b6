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

    /// <summary>The segment a key names (<c>saved:12</c>, <c>auto:user.ageBand=65+</c>), or null when there is none.</summary>
    public SegmentChoice? Resolve(string key)
    {
        if (key.StartsWith("saved:", StringComparison.Ordinal))
        {
            return long.TryParse(key.AsSpan("saved:".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                   && catalog.Find(id) is { } saved
                ? new SegmentChoice(key, saved.Name, saved.Predicate, Saved: true)
                : null;
        }
        if (!key.StartsWith("auto:", StringComparison.Ordinal)) return null;
        var separator = key.IndexOf('=', "auto:".Length);
        return separator > "auto:".Length ? Automatic(key["auto:".Length..separator], key[(separator + 1)..]) : null;
    }

    public static SegmentChoice Automatic(string feature, string value) =>
        new($"auto:{feature}={value}", $"{feature} = {value}", SegmentPredicate.Compile(SegmentDefinition.Is(feature, value)), Saved: false);
}
