using System.Collections.Concurrent;

namespace Portal.Features.Insights.Catalog;

/// <summary>
/// Display names of features and actions per loop, cached for the public "Why this suggestion?" page so that a burst of
/// visits costs no extra query. A feature rename through <see cref="FeatureCatalogEditor"/> takes effect at once; an
/// action rename within <see cref="MaxAge"/>.
/// </summary>
public sealed class FeatureDisplayNames(FeatureCatalogQueries queries, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private sealed record Entry(DisplayNames Names, DateTimeOffset LoadedAt);

    private readonly ConcurrentDictionary<string, Entry> cache = new(StringComparer.Ordinal);

    public async Task<DisplayNames> ForLoopAsync(string loopId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(loopId, out var entry) && now - entry.LoadedAt < MaxAge) return entry.Names;
        var names = await queries.DisplayNamesAsync(loopId, ct);
        cache[loopId] = new Entry(names, now);
        return names;
    }

    public void Forget(string loopId) => cache.TryRemove(loopId, out _);
}
