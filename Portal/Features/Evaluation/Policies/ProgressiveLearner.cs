using Portal.Features.Evaluation.Logs;
using Portal.Features.Learning;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// A fresh learner retrained on the window, decision by decision, as the trainer would have trained it: scored first,
/// then taught (progressive validation: never scored on what it learned from). <see cref="Model"/> reads the live weights
/// (no copy); with l1/l2 the weights are kept in a lazy form that only a snapshot resolves, so then a snapshot is taken
/// every <see cref="LazySnapshotEvery"/> decisions (a copy of the whole weight table per decision would dominate the run).
/// </summary>
public sealed class ProgressiveLearner(LearnerPolicy policy, LoggedFeatures features)
{
    public const int LazySnapshotEvery = 256;

    private readonly OnlineLearner learner = new(policy);

    public LearnerPolicy Policy => policy;
    private readonly bool lazyWeights = policy.L1 != 0 || policy.L2 != 0;
    private BanditModel? snapshot;
    private int sinceSnapshot;

    public long ExamplesLearned => learner.ExamplesLearned;

    public BanditModel Model()
    {
        if (!lazyWeights) return learner.LiveView();
        if (snapshot is null || sinceSnapshot >= LazySnapshotEvery) (snapshot, sinceSnapshot) = (learner.Snapshot(), 0);
        return snapshot;
    }

    /// <summary>Learns from the decision as <see cref="Training.TrainingExampleLearner"/> does: all actions, the chosen one's p and reward.</summary>
    public void Learn(EvaluatedDecision decision)
    {
        if (features.Read(decision) is not { } f) return;
        learner.Learn(f.Context, f.Actions, f.RequestIndex[decision.ChosenIndex], decision.ChosenProbability, decision.Reward);
        sinceSnapshot++;
    }
}
