using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Portal.Data.Entities;
using Portal.Features.Decisions.LogExport;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Learning;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// Reads the features of each logged decision for one evaluation run, as the trainer does (the same
/// <see cref="PersonalizerFeatures.Parse"/> over the same JSON values, the loop's audit-only context features left out, as
/// <see cref="RequestFeatures.Of"/> leaves them out), once per decision however many policies score it. The lists are
/// found by the export's <see cref="RequestLayout"/> and read as pooled <see cref="JsonDocument"/>s rather than the whole
/// request deserialized; actions repeat from one decision to the next, so their features are parsed once per distinct
/// JSON text and reused (a <see cref="FeatureSet"/> is immutable). Property names are matched case-insensitively, as the
/// API reads them.
/// </summary>
public sealed class LoggedFeatures(IReadOnlySet<string> auditOnlyFeatures)
{
    private const int MaxCachedActions = 20_000;

    private readonly DecisionFeatures current = new();
    private readonly Dictionary<int, List<(byte[] Json, FeatureSet Features)>> actionCache = [];
    private readonly List<JsonElement> actionFeatureList = new(4);
    private int cachedActions;
    private JsonDocument? document;
    private long currentSeq = long.MinValue;

    /// <summary>The decision's features, or null when its request cannot be read (the trainer skips it too).</summary>
    public DecisionFeatures? Read(EvaluatedDecision decision)
    {
        if (decision.Seq == currentSeq) return current;
        currentSeq = decision.Seq;
        document?.Dispose();
        document = null;
        if (decision.Source is not { } source) return null;
        try
        {
            return Fill(decision, source) ? current : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The export's layout already found the context and each action's features list in the request: only the context
    /// list is parsed (the actions' come from the cache), and the whole request only when it may exclude actions.
    /// </summary>
    private bool Fill(EvaluatedDecision decision, ExportedDecision source)
    {
        var n = source.ActionIds.Length;
        if (n == 0) return false;
        current.ActionIds = source.ActionIds;
        current.RawContext.Clear();
        if (!source.Context.IsEmpty)
        {
            document = JsonDocument.Parse(source.Logged.RequestUtf8.AsMemory(source.Layout.Context));
            foreach (var item in document.RootElement.EnumerateArray()) current.RawContext.Add(item);
        }
        current.Context = PersonalizerFeatures.Parse(current.RawContext, auditOnlyFeatures);

        Prepare(n, decision.ActionCount);
        for (var i = 0; i < n; i++)
        {
            if (ActionFeatures(source.ActionFeatures(i)) is not { } features) return false;
            current.Actions[i] = features;
        }
        if (MayExclude(source.Logged.RequestUtf8)) MarkExcluded(source.Logged.RequestUtf8, source.ActionIds);
        MarkFrozenAtTheTime(decision);
        return MapRanking(source.Ranking);
    }

    private void Prepare(int requestCount, int evaluatedCount)
    {
        current.RequestCount = requestCount;
        current.EvaluatedCount = evaluatedCount;
        if (current.Actions.Length != requestCount) (current.Actions, current.Excluded) = (new FeatureSet[requestCount], new bool[requestCount]);
        else Array.Clear(current.Excluded);
        if (current.RequestIndex.Length != evaluatedCount) current.RequestIndex = new int[evaluatedCount];
    }

    /// <summary>An action's features from the cache, or parsed from its JSON list (an empty range: no features).</summary>
    private FeatureSet? ActionFeatures(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty) return FeatureSet.Empty;
        var hash = HashOf(json);
        if (actionCache.TryGetValue(hash, out var entries))
        {
            foreach (var (cachedJson, cached) in entries)
            {
                if (json.SequenceEqual(cachedJson)) return cached;
            }
        }
        using var list = JsonDocument.Parse(json.ToArray());
        if (list.RootElement.ValueKind != JsonValueKind.Array) return null;
        actionFeatureList.Clear();
        foreach (var item in list.RootElement.EnumerateArray()) actionFeatureList.Add(item);
        var features = PersonalizerFeatures.Parse(actionFeatureList);
        if (cachedActions >= MaxCachedActions) (cachedActions, entries) = (0, null);
        if (entries is null)
        {
            if (cachedActions == 0) actionCache.Clear();
            actionCache[hash] = entries = new List<(byte[], FeatureSet)>(1);
        }
        entries.Add((json.ToArray(), features));
        cachedActions++;
        return features;
    }

    /// <summary>
    /// Whether the request may name excluded actions: it spells the property (in any case) or escapes something (an
    /// escaped name could spell it). Most requests do neither, and are not parsed whole.
    /// </summary>
    private static bool MayExclude(ReadOnlySpan<byte> request)
    {
        if (request.Contains((byte)'\\')) return true;
        var rest = request;
        while (rest.IndexOfAny((byte)'x', (byte)'X') is var at and >= 0)
        {
            if (at >= 1 && at - 1 + Excluded.Length <= rest.Length && Ascii.EqualsIgnoreCase(rest.Slice(at - 1, Excluded.Length), Excluded)) return true;
            rest = rest[(at + 1)..];
        }
        return false;
    }

    private const string Excluded = "excludedActions";

    /// <summary>The caller's excludedActions, by id (as Rank marks them).</summary>
    private void MarkExcluded(byte[] request, string[] ids)
    {
        using var whole = JsonDocument.Parse(request);
        if (whole.RootElement.ValueKind != JsonValueKind.Object) return;
        var excluded = default(JsonElement);
        foreach (var property in whole.RootElement.EnumerateObject())
        {
            if (Named(property, "excludedActions")) excluded = property.Value;
        }
        if (excluded.ValueKind != JsonValueKind.Array) return;
        foreach (var item in excluded.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) continue;
            for (var i = 0; i < ids.Length; i++)
            {
                if (item.ValueEquals(ids[i])) current.Excluded[i] = true;
            }
        }
    }

    /// <summary>
    /// Actions frozen when the decision was made are not logged by name; an online decision that had frozen actions
    /// removed gave them probability 0 (ε-greedy and inverse-gap give every rankable action a positive share when ε &gt; 0),
    /// so those are taken as not rankable. Other modes served the baseline and say nothing about the rest.
    /// </summary>
    private void MarkFrozenAtTheTime(EvaluatedDecision decision)
    {
        var logged = decision.Source!.Logged;
        if ((logged.Oversight & OversightEffects.FrozenRemoved) == 0 || logged.Mode != LearningMode.Online) return;
        var ranking = decision.Source.Ranking;
        var probabilities = decision.Source.Probabilities;
        for (var r = 0; r < ranking.Length; r++)
        {
            if (probabilities[r] <= 0) current.Excluded[ranking[r]] = true;
        }
    }

    /// <summary>The evaluated actions are the ranking's, in request order: map each to its request index.</summary>
    private bool MapRanking(int[] ranking)
    {
        if (ranking.Length != current.EvaluatedCount) return false;
        ranking.CopyTo(current.RequestIndex, 0);
        Array.Sort(current.RequestIndex);
        return true;
    }

    private static int HashOf(ReadOnlySpan<byte> json)
    {
        var hash = new HashCode();
        hash.AddBytes(json);
        return hash.ToHashCode();
    }

    /// <summary>The property's name in any case; the exact spelling is tested first (it costs no string).</summary>
    private static bool Named(JsonProperty property, string name)
    {
        if (property.NameEquals(name)) return true;
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length == name.Length) return Ascii.EqualsIgnoreCase(raw, name);
        // An escaped name (rare) is decoded to compare it.
        return raw.Contains((byte)'\\') && property.Name.Equals(name, StringComparison.OrdinalIgnoreCase);
    }
}
