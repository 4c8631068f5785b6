using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.DecisionLog;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Features.Decisions;

namespace Portal.Features.Insights.Catalog;

/// <summary>
/// A loop's features: the context features of its most recent decisions, the features of its actions, and every
/// feature people have marked or named, with the sensitive-name check.
/// </summary>
public sealed class FeatureCatalogQueries(IDbContextFactory<PortalDbContext> dbFactory, DecisionSamples samples, SensitiveFeatureNames sensitive)
{
    public const int SampleSize = 500;
    private const int MaxExamples = 5;

    public async Task<IReadOnlyList<CatalogFeature>> ListAsync(string loopId, CancellationToken ct)
    {
        var recent = await samples.RecentAsync(loopId, SampleSize, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.LoopFeatures.AsNoTracking().Where(f => f.LoopId == loopId).ToDictionaryAsync(f => f.Path, ct);
        var actionJson = await db.LoopActions.AsNoTracking().Where(a => a.LoopId == loopId).Select(a => a.FeaturesJson).ToListAsync(ct);

        var seen = new Dictionary<string, (FeatureOrigin Origin, bool Numeric, Dictionary<string, int> Values)>(StringComparer.Ordinal);
        foreach (var decision in recent) Observe(seen, FeatureJson.Leaves(decision.Context), FeatureOrigin.Context);
        foreach (var json in actionJson) Observe(seen, ReadLeaves(json), FeatureOrigin.Action);

        var features = seen.Select(s =>
        {
            var setting = settings.GetValueOrDefault(s.Key);
            var examples = s.Value.Values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(MaxExamples).Select(v => v.Key).ToList();
            return new CatalogFeature(s.Key, s.Value.Origin, setting?.AuditOnly ?? false, setting?.DisplayName, sensitive.LooksSensitive(s.Key),
                s.Value.Numeric, examples, SeenRecently: true);
        }).ToList();
        // Marked or named features that no recent decision carried stay listed, so a mark can always be undone.
        features.AddRange(settings.Values.Where(f => !seen.ContainsKey(f.Path)).Select(f =>
            new CatalogFeature(f.Path, FeatureOrigin.Context, f.AuditOnly, f.DisplayName, sensitive.LooksSensitive(f.Path), false, [], SeenRecently: false)));
        return features.OrderBy(f => f.Origin).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Display names of a loop's features (by path) and actions (by id), for explanations.</summary>
    public async Task<DisplayNames> DisplayNamesAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var features = await db.LoopFeatures.AsNoTracking().Where(f => f.LoopId == loopId && f.DisplayName != null)
            .ToDictionaryAsync(f => f.Path, f => f.DisplayName!, StringComparer.Ordinal, ct);
        var actions = await db.LoopActions.AsNoTracking().Where(a => a.LoopId == loopId && a.DisplayName != null)
            .ToDictionaryAsync(a => a.ActionId, a => a.DisplayName!, StringComparer.Ordinal, ct);
        return new DisplayNames(features, actions);
    }

    private static void Observe(Dictionary<string, (FeatureOrigin, bool, Dictionary<string, int>)> seen, List<FeatureLeaf> leaves, FeatureOrigin origin)
    {
        foreach (var leaf in leaves)
        {
            if (!seen.TryGetValue(leaf.Path, out var entry))
            {
                entry = (origin, leaf.Kind == FeatureValueKind.Number, new Dictionary<string, int>(StringComparer.Ordinal));
                seen[leaf.Path] = entry;
            }
            // Examples are what people recognise: texts and short numbers; a flag's only value says nothing.
            var example = leaf.Kind switch
            {
                FeatureValueKind.Number => leaf.Number.ToString("G6", CultureInfo.InvariantCulture),
                FeatureValueKind.True => null,
                _ => leaf.Text,
            };
            if (example is not null && entry.Item3.Count < 1000) entry.Item3[example] = entry.Item3.GetValueOrDefault(example) + 1;
        }
    }

    private static List<FeatureLeaf> ReadLeaves(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FeatureJson.Leaves(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
