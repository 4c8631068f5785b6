using Portal.Contracts.Personalizer;
using Portal.Features.Segments;

namespace Portal.Features.Integrity.Detection;

/// <summary>
/// The automatic segments the detectors watch in one loop: each categorical context value (<see cref="ContextFeatures"/>),
/// except of features with more distinct values than <c>MaxSegmentValues</c> (ids, free text), which would only
/// spread the evidence thin and multiply the cells to judge.
/// </summary>
public sealed class SegmentVocabulary(int maxValuesPerFeature)
{
    private readonly Dictionary<string, HashSet<string>> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> tooVaried = new(StringComparer.Ordinal);

    /// <summary>The segments of a logged request's context values; none for a request without context (an opted-out user's).</summary>
    public List<ContextSegment> Of(IReadOnlyList<(string Feature, string Value)> contextValues)
    {
        var found = new List<ContextSegment>();
        foreach (var (feature, value) in contextValues)
        {
            if (tooVaried.Contains(feature)) continue;
            if (!values.TryGetValue(feature, out var seen)) values[feature] = seen = new HashSet<string>(StringComparer.Ordinal);
            if (seen.Add(value) && seen.Count > maxValuesPerFeature)
            {
                tooVaried.Add(feature);
                values.Remove(feature);
                found.RemoveAll(s => s.Feature == feature);
                continue;
            }
            var segment = new ContextSegment(feature, value);
            if (!found.Contains(segment)) found.Add(segment);
        }
        return found;
    }

    /// <summary>True for a feature dropped for having too many values: its segments in earlier windows no longer count.</summary>
    public bool IsTooVaried(string feature) => tooVaried.Contains(feature);
}

/// <summary>One automatic segment: a context feature and one of its values; the empty one is everyone.</summary>
public readonly record struct ContextSegment(string Feature, string Value)
{
    public static ContextSegment Everyone { get; } = new("", "");

    public bool IsEveryone => Feature.Length == 0;

    public override string ToString() => IsEveryone ? "everyone" : $"{Feature} = {Value}";
}
