using Portal.Contracts;
using Portal.Features.Learning;

namespace Portal.Features.Insights.Statistics;

/// <summary>
/// Turns one decision's explanation terms into a contribution per feature and per namespace. Terms are named as the
/// learner names them: <c>user.ageBand=65+</c>, <c>user.age</c>, <c>user.latLong[0]</c>, interactions
/// <c>a × b</c>, and <c>(constant)</c>. A feature is the path without its value or index (<c>user.ageBand</c>); its
/// namespace is the path's last object (<c>user</c>), or <c>(default)</c> for a top-level feature. An interaction's
/// contribution is split evenly between its two features. The constant is no feature and is left out.
/// Importance is then the mean over decisions of |contribution| (see the aggregator): the sum within a decision comes
/// first, so a feature whose terms cancel out counts as unimportant in that decision.
/// </summary>
public static class FeatureAttribution
{
    public const string DefaultNamespace = "(default)";
    public const string InteractionSeparator = " × ";
    private const string Constant = "(constant)";

    /// <summary>Adds each term's share to <paramref name="byFeature"/> and <paramref name="byNamespace"/>.</summary>
    public static void Attribute(IReadOnlyList<FeatureContribution> terms, Dictionary<string, double> byFeature, Dictionary<string, double> byNamespace)
    {
        foreach (var term in terms)
        {
            if (!double.IsFinite(term.Contribution) || term.Feature == Constant) continue;
            var split = term.Feature.IndexOf(InteractionSeparator, StringComparison.Ordinal);
            if (split < 0)
            {
                Add(term.Feature, term.Contribution, byFeature, byNamespace);
                continue;
            }
            Add(term.Feature[..split], term.Contribution / 2, byFeature, byNamespace);
            Add(term.Feature[(split + InteractionSeparator.Length)..], term.Contribution / 2, byFeature, byNamespace);
        }
    }

    /// <summary>The feature path of a term part: <c>user.ageBand=65+</c> → <c>user.ageBand</c>, <c>user.latLong[0]</c> → <c>user.latLong</c>.</summary>
    public static string FeatureOf(string label)
    {
        var end = label.IndexOf('=');
        var path = end < 0 ? label : label[..end];
        var bracket = path.IndexOf('[');
        return bracket < 0 ? path : path[..bracket];
    }

    /// <summary>The namespace of a feature path: its last object (<c>user.ageBand</c> → <c>user</c>).</summary>
    public static string NamespaceOf(string feature)
    {
        var dot = feature.LastIndexOf('.');
        if (dot < 0) return DefaultNamespace;
        var previous = dot == 0 ? -1 : feature.LastIndexOf('.', dot - 1);
        return feature[(previous + 1)..dot];
    }

    private static void Add(string label, double contribution, Dictionary<string, double> byFeature, Dictionary<string, double> byNamespace)
    {
        if (label == Constant) return;
        var feature = FeatureOf(label);
        byFeature[feature] = byFeature.GetValueOrDefault(feature) + contribution;
        var ns = NamespaceOf(feature);
        byNamespace[ns] = byNamespace.GetValueOrDefault(ns) + contribution;
    }
}
