using Portal.Data.Entities;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Oversight.Preview;
using Portal.Features.Segments;

namespace Portal.Features.Evaluation.Previews;

/// <summary>
/// The freeze and rule previews: the online policy with the change applied against the online policy as it is, on the
/// loop's recent decisions, as a paired difference (DR, whose reward model also covers choices the log rarely made).
/// Too few data when either policy's effective sample size is below <see cref="EvaluationOptions.MinEffectiveSampleSize"/>
/// or the interval cannot be computed.
/// </summary>
public sealed class ChangePreviewer(RecentEvaluation recent) : IChangePreviewer
{
    public Task<ChangePreview> FreezeAsync(string loopId, IReadOnlyList<string> actionIds, CancellationToken ct) =>
        PreviewAsync(loopId, new PolicyCandidate.WithFreeze(new PolicyCandidate.Online(), actionIds), ct);

    public Task<ChangePreview> RuleAsync(string loopId, SegmentDefinition segment, OverrideKind kind, IReadOnlyList<string> actionIds, CancellationToken ct) =>
        PreviewAsync(loopId, new PolicyCandidate.WithRule(new PolicyCandidate.Online(), kind, actionIds, segment), ct);

    private async Task<ChangePreview> PreviewAsync(string loopId, PolicyCandidate changed, CancellationToken ct)
    {
        var window = recent.Options.PreviewWindow;
        var (report, reason) = await recent.RunAsync(loopId, [new PolicyCandidate.Online(), changed], ct);
        if (report is null) return ChangePreview.TooFewData(reason!, window);
        return Verdict(report.Policies[1].Difference!.Dr!, report.Policies[0].Estimates.Dr!, report.Decisions, window, recent.Options.MinEffectiveSampleSize);
    }

    /// <summary>The preview of one paired difference, or too few data (public: the apprentice advice judges the same way).</summary>
    public static ChangePreview Verdict(OffPolicyEstimate difference, OffPolicyEstimate current, long decisions, TimeSpan window, double minimumEffective)
    {
        var effective = difference.EffectiveSampleSize;
        if (effective < minimumEffective)
            return ChangePreview.TooFewData($"the recent decisions are worth {effective:N0} under the changed policy, fewer than the {minimumEffective:N0} needed",
                window, decisions, effective);
        if (!difference.Gaussian.IsKnown || !double.IsFinite(difference.Value))
            return ChangePreview.TooFewData("the interval of the change cannot be computed from these decisions", window, decisions, effective);
        return new ChangePreview(difference.Value, difference.Gaussian.Low, difference.Gaussian.High, current.Value, decisions, effective,
            difference.Estimator, window, null);
    }
}
