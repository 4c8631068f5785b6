using System.Collections.Concurrent;
using System.Text;
using Portal.Contracts.Personalizer;
using Portal.Features.Decisions.Log;

namespace Portal.Features.Decisions;

/// <summary>
/// Keeps each loop's action catalog up to date from Rank calls. Remembers a hash of every action's features,
/// so only new or changed actions cost a write.
/// </summary>
public sealed class ActionCatalogTracker(DecisionLogWriter log, TimeProvider clock, ILogger<ActionCatalogTracker> logger)
{
    private readonly ConcurrentDictionary<(string LoopId, string ActionId), int> known = new();

    public void Observe(string loopId, IReadOnlyList<RankableAction> actions)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var features = action.Features ?? FeatureList.Empty;
            var hash = HashOf(features);
            var key = (loopId, action.Id!);
            if (known.TryGetValue(key, out var previous) && previous == hash) continue;
            known[key] = hash;
            var sighting = new ActionSighting(loopId, action.Id!, ToJson(features), clock.GetUtcNow());
            _ = log.RecordActionAsync(sighting, CancellationToken.None).ContinueWith(t =>
            {
                // Not stored (e.g. a full disk): forget it, so the next Rank showing this action writes it again.
                known.TryRemove(KeyValuePair.Create(key, hash));
                logger.LogWarning(t.Exception, "Catalog update of action {Action} failed", sighting.ActionId);
            }, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    /// <summary>Forgets what was seen, e.g. after the catalog was deleted with the logs.</summary>
    public void Forget(string loopId)
    {
        foreach (var key in known.Keys.Where(k => k.LoopId == loopId)) known.TryRemove(key, out _);
    }

    private static int HashOf(FeatureList features)
    {
        var hash = new HashCode();
        for (var i = 0; i < features.Count; i++) hash.AddBytes(features.Utf8Of(i));
        return hash.ToHashCode();
    }

    private static string ToJson(FeatureList features)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < features.Count; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(Encoding.UTF8.GetString(features.Utf8Of(i)));
        }
        return builder.Append(']').ToString();
    }
}
