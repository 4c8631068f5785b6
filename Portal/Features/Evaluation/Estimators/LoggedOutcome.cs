namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// What IPS and SNIPS need of one logged decision: the logging policy's probability p of the chosen action, the
/// candidate policy's probability π of that same action, and the reward (the loop's default reward when none came).
/// </summary>
public readonly record struct LoggedOutcome(double LoggedProbability, double TargetProbability, double Reward)
{
    /// <summary>The importance weight w = π(a|x) / p(a|x).</summary>
    public double Weight => TargetProbability / LoggedProbability;
}
