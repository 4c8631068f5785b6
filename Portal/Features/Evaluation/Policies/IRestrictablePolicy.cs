using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// A policy that can also say what it would serve with some actions taken out by oversight (frozen, or excluded by a
/// rule), the way Rank takes them out: a model ranks the remaining ones, a fixed policy's mass moves to them.
/// </summary>
public interface IRestrictablePolicy : ICandidatePolicy
{
    /// <param name="removed">Per action of the decision: taken out; when every rankable action is, the baseline is served.</param>
    void Distribution(EvaluatedDecision decision, ReadOnlySpan<bool> removed, Span<double> probabilities);
}
