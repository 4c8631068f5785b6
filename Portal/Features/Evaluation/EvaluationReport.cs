using Portal.Features.Evaluation.Estimators;

namespace Portal.Features.Evaluation;

/// <summary>What one evaluation found: how many logged decisions it read, and each candidate's estimates.</summary>
public sealed record EvaluationReport(long Decisions, IReadOnlyList<PolicyReport> Policies);

/// <summary>
/// One candidate's estimates over the whole window, and per time bucket when buckets were asked for.
/// <see cref="Difference"/>: its value minus the reference candidate's (when the request named one), paired per decision.
/// <see cref="BaselineAgreement"/>: the share of decisions whose most probable action under this policy is the baseline.
/// </summary>
/// <param name="Bounds">What the timeline's intervals were computed with: estimates over several of its buckets use them too.</param>
public sealed record PolicyReport(PolicyCandidate Candidate, PolicyEstimates Estimates, IReadOnlyList<TimelinePoint> Timeline,
    PolicyEstimates? Difference = null, double BaselineAgreement = double.NaN, EstimatorBounds? Bounds = null);

/// <summary>
/// The SNIPS estimate of the decisions logged in [<see cref="Start"/>, Start + bucket width), and the sums it was made
/// from, so that a series over longer intervals or from the window's start adds buckets up exactly.
/// </summary>
public sealed record TimelinePoint(DateTimeOffset Start, OffPolicyEstimate Estimate, WeightedRewardSums Sums);

/// <summary>How far a running evaluation has read: decisions so far, and the share of the window's decisions.</summary>
public readonly record struct EvaluationProgress(long DecisionsRead, double Fraction);
