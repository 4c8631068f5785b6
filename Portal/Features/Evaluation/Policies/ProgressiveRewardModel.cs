using Portal.Features.Evaluation.Logs;
using Portal.Features.Learning;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// The doubly robust estimator's reward model ĝ(x, a): a learner with the loop's own features and interactions, trained
/// on the window as it is read, predicting each decision before learning from it, so no decision's prediction has seen
/// its own reward (no leakage; early decisions get poor predictions, which DR's correction term repairs, costing only
/// variance). It regresses the observed reward on the chosen action without importance weights (cb_type dm): ĝ should
/// estimate E[r | x, a], and weighting by 1/p would only add variance to that regression. Predictions are clipped to the
/// rewards seen so far (the loop's default reward included).
/// </summary>
public sealed class ProgressiveRewardModel(LearnerPolicy loopPolicy, LoggedFeatures features, double defaultReward) : IRewardModel
{
    private readonly ProgressiveLearner learner = new(loopPolicy with { CbType = CbType.Dm }, features);
    private (double Min, double Max) seen = (Math.Min(0, defaultReward), Math.Max(0, defaultReward));

    /// <summary>The reward of a decision that got none, as the trainer labels it.</summary>
    public double DefaultReward => defaultReward;

    public void Predict(EvaluatedDecision decision, Span<double> rewards)
    {
        if (features.Read(decision) is not { } f || learner.ExamplesLearned == 0)
        {
            rewards.Fill(defaultReward);
            return;
        }
        var model = learner.Model();
        for (var j = 0; j < rewards.Length; j++)
            rewards[j] = Math.Clamp(model.Score(f.Context, f.Actions[f.RequestIndex[j]]), seen.Min, seen.Max);
    }

    public void Observe(EvaluatedDecision decision)
    {
        seen = (Math.Min(seen.Min, decision.Reward), Math.Max(seen.Max, decision.Reward));
        learner.Learn(decision);
    }
}
