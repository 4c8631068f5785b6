using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>Always the baseline action (the request's first candidate): what Apprentice and LoggingOnly serve.</summary>
public sealed class BaselinePolicy : ICandidatePolicy
{
    public string Name => "baseline";

    public void Distribution(EvaluatedDecision decision, Span<double> probabilities)
    {
        probabilities.Clear();
        probabilities[decision.BaselineIndex] = 1;
    }
}
