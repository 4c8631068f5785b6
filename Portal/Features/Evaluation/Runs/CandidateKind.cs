namespace Portal.Features.Evaluation.Runs;

/// <summary>The kinds of policy a stored run evaluates (see <see cref="PolicyCandidate"/>).</summary>
public enum CandidateKind
{
    Online,
    Baseline,
    Uniform,
    Logging,
    Settings,
}
