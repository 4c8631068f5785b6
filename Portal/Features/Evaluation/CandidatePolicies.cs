using Portal.Data.Entities;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Features.Segments;
using Portal.Infrastructure.Errors;

namespace Portal.Features.Evaluation;

/// <summary>
/// Turns each <see cref="PolicyCandidate"/> into the <see cref="ICandidatePolicy"/> of one run over one loop. Online is
/// the loop's model as published when the run starts, with the loop's exploration (its explorationPercentage, as Rank
/// applies it); Settings is a fresh learner with the parsed policy, retrained on the window (progressive validation);
/// WithFreeze and WithRule put oversight in front of their inner policy as Rank does. <see cref="Validate"/> refuses a
/// candidate that cannot run before anything is read.
/// </summary>
public sealed class CandidatePolicies(LoopRuntime loop, LoggedFeatures features)
{
    public const string PoliciesField = "policies";

    /// <summary>Throws <see cref="EvaluationRequestException"/> (InvalidPolicyConfiguration) for unreadable settings, by flag.</summary>
    public static void Validate(PolicyCandidate candidate)
    {
        switch (candidate)
        {
            case PolicyCandidate.Settings settings:
                ParseSettings(settings);
                break;
            case PolicyCandidate.WithFreeze freeze:
                Validate(freeze.Inner);
                break;
            case PolicyCandidate.WithRule rule:
                if (rule.Kind == OverrideKind.ForceAction && rule.ActionIds.Count == 0)
                    throw new EvaluationRequestException(ApiErrorCodes.BadRequest, PoliciesField, "A rule that forces an action must name it.");
                Validate(rule.Inner);
                break;
            case null:
                throw new EvaluationRequestException(ApiErrorCodes.BadRequest, PoliciesField, "A policy to evaluate is missing.");
        }
    }

    public IRestrictablePolicy Build(PolicyCandidate candidate) => candidate switch
    {
        PolicyCandidate.Logging => new RenormalisedPolicy(new LoggingPolicy(), features),
        PolicyCandidate.Baseline => new RenormalisedPolicy(new BaselinePolicy(), features),
        PolicyCandidate.Uniform => new RenormalisedPolicy(new UniformRandomPolicy(), features),
        PolicyCandidate.Online => Online(),
        PolicyCandidate.Settings settings => Retrained(settings),
        PolicyCandidate.WithFreeze freeze => new FreezePolicy(Build(freeze.Inner), freeze.ActionIds.ToHashSet(StringComparer.Ordinal), features),
        PolicyCandidate.WithRule rule => new RulePolicy(Build(rule.Inner), rule.Kind, RuleActions(rule), SegmentPredicate.Compile(rule.Segment), features),
        _ => throw new EvaluationRequestException(ApiErrorCodes.InvalidPolicyConfiguration, PoliciesField, $"Unknown policy '{candidate.Name}'."),
    };

    private ModelPolicy Online()
    {
        var model = loop.Model.Current;
        return new ModelPolicy("online", features, () => model, loop.Settings.ExplorationPercentage);
    }

    private ModelPolicy Retrained(PolicyCandidate.Settings settings)
    {
        var learner = new ProgressiveLearner(ParseSettings(settings), features);
        return new ModelPolicy(settings.PolicyName, features, learner.Model, learner.Policy.Epsilon, learner);
    }

    private static HashSet<string> RuleActions(PolicyCandidate.WithRule rule) =>
        rule.Kind == OverrideKind.ForceAction ? new HashSet<string>(StringComparer.Ordinal) { rule.ActionIds[0] } : rule.ActionIds.ToHashSet(StringComparer.Ordinal);

    private static LearnerPolicy ParseSettings(PolicyCandidate.Settings settings) =>
        PolicyParser.TryParse(settings.Arguments, out var policy, out var error)
            ? policy
            : throw new EvaluationRequestException(ApiErrorCodes.InvalidPolicyConfiguration, PoliciesField, $"Policy '{settings.PolicyName}': {error}");
}
