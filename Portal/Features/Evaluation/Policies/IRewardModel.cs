using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>The reward model ĝ(x, a) of the doubly robust estimator: a predicted reward for each of a decision's actions.</summary>
public interface IRewardModel
{
    void Predict(EvaluatedDecision decision, Span<double> rewards);

    /// <summary>Called once the decision was scored by every policy: a model trained on the log learns from it now.</summary>
    void Observe(EvaluatedDecision decision)
    {
    }
}
