using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>The policy that logged the data: π = p, so every weight is 1 and the estimate is the observed mean reward.</summary>
public sealed class LoggingPolicy : ICandidatePolicy
{
    public string Name => "logging policy";

    public void Distribution(EvaluatedDecision decision, Span<double> probabilities)
    {
        decision.LoggingDistribution.CopyTo(probabilities);
        // The logged choice's own probability, so the weight of the chosen action is exactly p / p = 1.
        probabilities[decision.ChosenIndex] = decision.ChosenProbability;
    }
}
