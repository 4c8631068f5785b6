namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// A candidate as a run stores it: its kind, name, learner arguments (for <see cref="CandidateKind.Settings"/> and the
/// online policy) and where it came from in Personalizer's words (<see cref="PolicySources"/>).
/// </summary>
public sealed record StoredCandidate(CandidateKind Kind, string Name, string? Arguments, string Source)
{
    public static StoredCandidate Standard(CandidateKind kind, string? onlineArguments = null) => kind switch
    {
        CandidateKind.Online => new(kind, new PolicyCandidate.Online().Name, onlineArguments, PolicySources.Online),
        CandidateKind.Baseline => new(kind, new PolicyCandidate.Baseline().Name, null, PolicySources.Baseline),
        CandidateKind.Uniform => new(kind, new PolicyCandidate.Uniform().Name, null, PolicySources.Random),
        CandidateKind.Logging => new(kind, new PolicyCandidate.Logging().Name, null, PolicySources.Online),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Settings candidates have a name and arguments of their own."),
    };

    public static StoredCandidate Custom(string name, string arguments) => new(CandidateKind.Settings, name, arguments, PolicySources.Custom);

    public static StoredCandidate Discovered(string name, string arguments) =>
        new(CandidateKind.Settings, name, arguments, PolicySources.OfflineExperimentation);

    /// <summary>Whether its arguments can become the loop's learning policy ("Apply this policy").</summary>
    public bool IsApplicable => Kind == CandidateKind.Settings;

    public PolicyCandidate ToCandidate() => Kind switch
    {
        CandidateKind.Online => new PolicyCandidate.Online(),
        CandidateKind.Baseline => new PolicyCandidate.Baseline(),
        CandidateKind.Uniform => new PolicyCandidate.Uniform(),
        CandidateKind.Logging => new PolicyCandidate.Logging(),
        _ => new PolicyCandidate.Settings(Name, Arguments ?? ""),
    };
}
