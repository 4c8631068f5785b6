using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// A policy to evaluate on the log: what distribution over a logged decision's K actions it would have served. A
/// policy that learns (a retrained model with other settings) scores each decision before it sees it, then learns from
/// it in <see cref="Observe"/> (progressive validation), so it is never scored on what it was trained on.
/// </summary>
public interface ICandidatePolicy
{
    string Name { get; }

    /// <summary>Fills π(a|x) for each of the decision's actions; the values sum to 1.</summary>
    void Distribution(EvaluatedDecision decision, Span<double> probabilities);

    /// <summary>Called after the decision was scored; fixed policies ignore it.</summary>
    void Observe(EvaluatedDecision decision)
    {
    }
}
