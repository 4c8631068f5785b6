using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>Every candidate with probability 1/K: the reference any learned policy should beat.</summary>
public sealed class UniformRandomPolicy : ICandidatePolicy
{
    public string Name => "uniform random";

    public void Distribution(EvaluatedDecision decision, Span<double> probabilities) => probabilities.Fill(1.0 / probabilities.Length);
}
