using Portal.Contracts;
using Portal.Contracts.DecisionLog;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Learning;

namespace Portal.Features.Training;

/// <summary>Turns one logged decision into a learning step, or skips it when it must not be learned from.</summary>
public sealed class TrainingExampleLearner(ILogger<TrainingExampleLearner> logger)
{
    /// <summary>
    /// Returns true when the learner learned from the decision. <paramref name="auditOnlyFeatures"/> (context feature
    /// paths) are removed before learning, as Rank removes them before scoring.
    /// </summary>
    /// <param name="auditOnlyFingerprint">The fingerprint of <paramref name="auditOnlyFeatures"/> when the caller has it (a batch computes it once).</param>
    /// <param name="features">Decodes the logged hashes; a batch passes one reader for all its decisions so decoding allocates nothing.</param>
    public bool Learn(OnlineLearner learner, TrainingExample example, double defaultReward, IReadOnlySet<string>? auditOnlyFeatures = null,
        uint? auditOnlyFingerprint = null, LearnerFeatureReader? features = null)
    {
        if (!IsLearnable(example)) return false;
        // Rank's own hashes, when it hashed with the same audit-only features: no parsing at all.
        if (example.LearnerFeatures is { } record
            && (features ?? new LearnerFeatureReader()).TryRead(record, example.ListActionSets, auditOnlyFingerprint ?? LearnerFeatureRecord.Fingerprint(auditOnlyFeatures),
                out var loggedContext, out var loggedActions, out var loggedChoice))
        {
            learner.Learn(loggedContext, loggedActions, loggedChoice, example.ChosenProbability, example.Reward ?? defaultReward);
            return true;
        }

        // The logged text read and hashed in one pass, as Rank reads a body; the serializer only for what that reader declines.
        using var text = PooledUtf8.Of(example.RequestJson);
        using var hashed = RankBodyReader.TryRead(text.Memory, auditOnlyFeatures);
        var request = hashed?.Request ?? LoggedRequest.Read(example.RequestJson);
        if (request?.Actions is not { Count: > 0 } actions)
        {
            logger.LogWarning("Decision {Seq} has no readable request; skipped", example.Seq);
            return false;
        }
        var chosen = IndexOf(actions, example.ChosenActionId);
        if (chosen < 0) return false;

        var (context, actionFeatures) = hashed?.Features ?? RequestFeatures.Of(request, auditOnlyFeatures);
        learner.Learn(context, actionFeatures, chosen, example.ChosenProbability, example.Reward ?? defaultReward);
        return true;
    }

    private static bool IsLearnable(TrainingExample example) => Learnability.IsLearnable(
        example.Mode, example.Oversight, example.Flagged, example.DeferActivation, example.ActivatedAt, example.ChosenProbability, example.Quarantined);

    private static int IndexOf(IReadOnlyList<RankableAction> actions, string id)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Id == id) return i;
        }
        return -1;
    }
}
