using System.Text.Json;
using Portal.Data.Entities;
using Portal.Features.Decisions.Api;

namespace Portal.Features.Learning.Training;

/// <summary>Turns one logged decision into a learning step, or skips it when it must not be learned from.</summary>
public sealed class TrainingExampleLearner(ILogger<TrainingExampleLearner> logger)
{
    /// <summary>
    /// Returns true when the learner learned from the decision. <paramref name="auditOnlyFeatures"/> (context feature
    /// paths) are removed before learning, as Rank removes them before scoring.
    /// </summary>
    public bool Learn(OnlineLearner learner, TrainingExample example, double defaultReward, IReadOnlySet<string>? auditOnlyFeatures = null)
    {
        if (!IsLearnable(example)) return false;
        var request = JsonSerializer.Deserialize(example.RequestJson, PersonalizerJsonContext.Default.RankRequest);
        if (request?.Actions is not { Count: > 0 } actions)
        {
            logger.LogWarning("Decision {Seq} has no readable request; skipped", example.Seq);
            return false;
        }
        var chosen = IndexOf(actions, example.ChosenActionId);
        if (chosen < 0) return false;

        var context = PersonalizerFeatures.Parse(request.ContextFeatures ?? [], auditOnlyFeatures);
        var actionFeatures = new FeatureSet[actions.Count];
        for (var i = 0; i < actions.Count; i++) actionFeatures[i] = PersonalizerFeatures.Parse(actions[i].Features ?? []);
        learner.Learn(context, actionFeatures, chosen, example.ChosenProbability, example.Reward ?? defaultReward);
        return true;
    }

    /// <summary>
    /// Logging-only decisions teach nothing; a deferred decision that was never activated was never shown; what
    /// oversight chose (a rule, a kill switch, a frozen model) was not the model's choice; a flagged decision is wrong.
    /// </summary>
    public static bool IsLearnable(TrainingExample example) =>
        example.Mode != LearningMode.LoggingOnly
        && (example.Oversight & OversightEffects.NotLearnable) == 0
        && !example.Flagged
        && !(example.DeferActivation && example.ActivatedAt is null)
        && example.ChosenProbability > 0;

    private static int IndexOf(IReadOnlyList<RankableAction> actions, string id)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Id == id) return i;
        }
        return -1;
    }
}
