using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Evaluation;

/// <summary>
/// A policy to evaluate, as a person or a client names it. The evaluator turns each into an
/// <see cref="Policies.ICandidatePolicy"/> for one run: fixed policies score the log as it is, learning ones
/// (<see cref="Settings"/>) are retrained on the window with progressive validation.
/// </summary>
public abstract record PolicyCandidate(string Name)
{
    /// <summary>The policy that logged the data: its estimate is the observed mean reward.</summary>
    public sealed record Logging() : PolicyCandidate("logging policy");

    /// <summary>Always the baseline (first) action: what Apprentice and LoggingOnly serve.</summary>
    public sealed record Baseline() : PolicyCandidate("baseline");

    /// <summary>Every candidate action with probability 1/K.</summary>
    public sealed record Uniform() : PolicyCandidate("uniform random");

    /// <summary>The loop's current model with its current exploration, as Rank would serve it now.</summary>
    public sealed record Online() : PolicyCandidate("online");

    /// <summary>A learner with other settings (VW-style arguments, parsed as the policy API parses them).</summary>
    public sealed record Settings(string PolicyName, string Arguments) : PolicyCandidate(PolicyName);

    /// <summary>The inner policy with these actions frozen (never served; their mass goes to the others).</summary>
    public sealed record WithFreeze(PolicyCandidate Inner, IReadOnlyList<string> ActionIds) : PolicyCandidate($"{Inner.Name} + freeze");

    /// <summary>
    /// The inner policy with one override rule in force for the decisions of its segment, as Rank would apply it (the
    /// rule preview): force <c>ActionIds[0]</c>, exclude <c>ActionIds</c>, or serve the baseline.
    /// </summary>
    public sealed record WithRule(PolicyCandidate Inner, OverrideKind Kind, IReadOnlyList<string> ActionIds, SegmentDefinition Segment)
        : PolicyCandidate($"{Inner.Name} + rule");
}
