using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Features.Learning;

namespace Portal.Features.Decisions;

/// <summary>
/// Personalizer's <c>inferenceExplanation</c>: for every candidate action, in ranking order, the terms of its score with
/// the largest absolute contributions. Excluded and frozen actions were not scored and are left out. Only loops that
/// enable inference explainability pay for it.
/// </summary>
public static class InferenceExplainer
{
    public const int FeaturesPerAction = 5;
    private const string LearnerSeparator = " × ";
    private const string PersonalizerSeparator = "^";

    public static IReadOnlyList<ActionExplanation> Explain(BanditModel model, FeatureSet context, FeatureSet[] actionFeatures,
        IReadOnlyList<RankableAction> actions, IReadOnlyList<RankedAction> ranking, ReadOnlySpan<bool> excluded)
    {
        var explanations = new List<ActionExplanation>(ranking.Count);
        Span<FeatureContribution> terms = new FeatureContribution[FeaturesPerAction];
        foreach (var ranked in ranking)
        {
            var index = IndexOf(actions, ranked.Id);
            if (index < 0 || excluded[index]) continue;
            var written = model.Explain(context, actionFeatures[index], terms);
            var features = new FeatureScore[written];
            for (var i = 0; i < written; i++)
                features[i] = new FeatureScore(terms[i].Feature.Replace(LearnerSeparator, PersonalizerSeparator, StringComparison.Ordinal), terms[i].Contribution);
            explanations.Add(new ActionExplanation(ranked.Id, features));
        }
        return explanations;
    }

    private static int IndexOf(IReadOnlyList<RankableAction> actions, string id)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Id == id) return i;
        }
        return -1;
    }
}
