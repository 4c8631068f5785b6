using Portal.Contracts.Personalizer;

namespace Portal.Features.Learning;

/// <summary>
/// What the learner sees of a Rank request: the context's features without the loop's audit-only ones, and each
/// action's features. Rank scores these and the trainer learns from these: one parse, so both see the same.
/// </summary>
public readonly record struct RequestFeatures(FeatureSet Context, FeatureSet[] Actions)
{
    /// <param name="labels">Where the display labels go (Rank's pooled arena: read the sets only until it is returned), or null.</param>
    public static RequestFeatures Of(RankRequest request, IReadOnlySet<string>? auditOnlyFeatures, FeatureLabelArena? labels = null)
    {
        var actions = request.Actions ?? [];
        var actionFeatures = new FeatureSet[actions.Count];
        for (var i = 0; i < actions.Count; i++) actionFeatures[i] = PersonalizerFeatures.Parse(actions[i].Features ?? FeatureList.Empty, labels);
        return new RequestFeatures(PersonalizerFeatures.Parse(request.ContextFeatures ?? [], auditOnlyFeatures, labels), actionFeatures);
    }
}
