using System.Globalization;
using System.Text.Json;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Insights.Statistics;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// Adds one settled decision to an <see cref="AggregateBatch"/>: to everyone, to the automatic segment of each of its
/// categorical context values, to each saved segment it matches (each source only once: a decision at or below a
/// source's cursor is skipped for it), with its reward (the loop's default reward when none came; none for a deferred
/// decision never shown), its exploration and oversight, the |contribution| of each feature and namespace of its
/// explanation, and its context values for drift. Audit-only features are read from the logged request like any other.
/// </summary>
public sealed class DecisionFolder
{
    private readonly Dictionary<string, double> byFeature = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> byNamespace = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> categories = [];
    private readonly List<(int Term, double Amount)> decisionTerms = [];
    private readonly List<FeatureLeaf> leaves = [];
    private readonly Dictionary<string, string> featureDimensions = new(StringComparer.Ordinal);
    private readonly ExplanationTerms explanations = new();

    private const int MaxCachedDimensions = 10_000;

    // What a request with no readable context is read as.
    private static readonly byte[] NoRequest = "{}"u8.ToArray();

    public static long HourOf(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000;

    public void Fold(SettledDecision decision, IReadOnlyList<AggregationSource> sources, FeatureValueRegistry registry, double defaultReward, AggregateBatch batch)
    {
        var bucket = HourOf(decision.CreatedAt);
        NumberTerms(decision, batch);
        LoggedContext? document = null;
        try
        {
            foreach (var source in sources)
            {
                if (decision.Seq <= source.LastSeq) continue;
                if (source.SegmentId is not { } segmentId)
                {
                    FoldValues(decision, registry, bucket, defaultReward, batch);
                    continue;
                }
                // A saved segment's rule tests a document of the context: made once, and only for loops with such segments.
                document ??= ContextOrNone(decision.Request);
                if (source.Predicate!.Matches(document.Features)) Add(Dimensions.Segment(segmentId), Dimensions.MemberValue, decision, bucket, defaultReward, batch);
            }
        }
        finally
        {
            document?.Dispose();
        }
    }

    /// <summary>The |contribution| of each feature and namespace of the decision's explanation, by the batch's term numbers.</summary>
    private void NumberTerms(SettledDecision decision, AggregateBatch batch)
    {
        byFeature.Clear();
        byNamespace.Clear();
        FeatureAttribution.Attribute(explanations.Read(decision.Explanation), byFeature, byNamespace);
        decisionTerms.Clear();
        foreach (var (feature, contribution) in byFeature) decisionTerms.Add((batch.TermId(new(false, feature)), Math.Abs(contribution)));
        foreach (var (ns, contribution) in byNamespace) decisionTerms.Add((batch.TermId(new(true, ns)), Math.Abs(contribution)));
    }

    /// <summary>The decision for everyone, for the automatic segment of each of its categorical values, and its values for drift.</summary>
    private void FoldValues(SettledDecision decision, FeatureValueRegistry registry, long bucket, double defaultReward, AggregateBatch batch)
    {
        Add(Dimensions.Everyone, "", decision, bucket, defaultReward, batch);
        ReadLeaves(decision.Request);
        categories.Clear();
        foreach (var leaf in leaves)
        {
            if (!leaf.IsCategory || !categories.Add((leaf.Path, leaf.Value)) || registry.Admit(leaf.Path, leaf.Value) is not { } admitted) continue;
            Add(FeatureDimension(leaf.Path), admitted, decision, bucket, defaultReward, batch);
        }
        CountValues(leaves, registry, bucket, batch);
    }

    private void Add(string dimension, string value, SettledDecision d, long bucket, double defaultReward, AggregateBatch batch)
    {
        var row = batch.SegmentRow(new AggregateBatch.SegmentKey(dimension, value, bucket, d.ChosenActionId));
        row.Decisions++;
        if (!(d.DeferActivation && d.ActivatedAt is null))
        {
            var reward = d.Reward ?? defaultReward;
            row.Rewarded++;
            row.RewardSum += reward;
            row.RewardSquares += reward * reward;
        }
        if (d.Explored) row.Explored++;
        var overridden = (d.Oversight & OversightEffects.RuleApplied) != 0;
        if (overridden) row.OverrideServed++;
        else if ((d.Oversight & (OversightEffects.KillSwitch | OversightEffects.AllFrozenBaseline | OversightEffects.OptedOut | OversightEffects.AwaitingGoLive)) != 0
            || d.Mode != LearningMode.Online) row.BaselineServed++;

        var importance = batch.ImportanceOf(new AggregateBatch.ImportanceGroup(dimension, value, bucket));
        foreach (var (term, amount) in decisionTerms) importance.Add(term, amount);
    }

    /// <summary>The dimension of a feature's values, made once per feature path (a loop's contexts name a few dozen).</summary>
    private string FeatureDimension(string path)
    {
        if (featureDimensions.TryGetValue(path, out var dimension)) return dimension;
        dimension = Dimensions.Feature(path);
        if (featureDimensions.Count < MaxCachedDimensions) featureDimensions[path] = dimension;
        return dimension;
    }

    private static void CountValues(List<FeatureLeaf> leaves, FeatureValueRegistry registry, long bucket, AggregateBatch batch)
    {
        foreach (var leaf in leaves)
        {
            // A list's values (positions, tags) have no single value to compare between windows; free text is no value to count.
            if (leaf.InList || leaf.Kind == FeatureValueKind.Words || leaf.Path.Length > FeatureValueRegistry.MaxFeatureLength) continue;
            if (leaf.Kind == FeatureValueKind.Number)
            {
                var bin = NumericBins.Coarsen(leaf.Number).ToString("R", CultureInfo.InvariantCulture);
                batch.CountValue(new AggregateBatch.ValueKey(leaf.Path, bucket, true, bin));
            }
            else if (registry.Admit(leaf.Path, leaf.Value) is { } admitted)
            {
                batch.CountValue(new AggregateBatch.ValueKey(leaf.Path, bucket, false, admitted));
            }
        }
    }

    /// <summary>The context's values (none when the text up to the context is not JSON).</summary>
    private void ReadLeaves(byte[] request)
    {
        leaves.Clear();
        try
        {
            LoggedContext.Leaves(request, leaves);
        }
        catch (JsonException)
        {
            leaves.Clear();
        }
    }

    /// <summary>The context as a document; an empty one when the text up to the context is not JSON.</summary>
    private static LoggedContext ContextOrNone(byte[] request)
    {
        try
        {
            return LoggedContext.Of(request);
        }
        catch (JsonException)
        {
            return LoggedContext.Of(NoRequest);
        }
    }
}
