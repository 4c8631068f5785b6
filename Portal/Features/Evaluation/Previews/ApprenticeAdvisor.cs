using System.Globalization;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Loops.Advice;

namespace Portal.Features.Evaluation.Previews;

/// <summary>
/// The apprentice advice: the baseline (what an apprentice loop serves) against the online policy (its model with the
/// loop's exploration), on the loop's recent decisions, as a paired DR difference. Online is recommended when the bar of
/// <see cref="EvaluationOptions"/> is met: enough decisions, enough effective decisions, an estimate above the baseline,
/// and a 95 % interval whose low end is no worse than the tolerable loss; otherwise the first unmet condition is the reason.
/// </summary>
public sealed class ApprenticeAdvisor(RecentEvaluation recent) : IApprenticeAdvisor
{
    public async Task<ApprenticeAdvice> AdviseAsync(string loopId, CancellationToken ct)
    {
        var options = recent.Options;
        var (report, reason) = await recent.RunAsync(loopId, [new PolicyCandidate.Baseline(), new PolicyCandidate.Online()], ct);
        if (report is null) return ApprenticeAdvice.NoData($"There is nothing to compare yet: {reason}.", options.PreviewWindow);
        var online = report.Policies[1];
        return Judge(report.Decisions, online.BaselineAgreement, online.Estimates.Dr!, report.Policies[0].Estimates.Dr!, online.Difference!.Dr!, options);
    }

    /// <summary>The verdict on one comparison (public: tested on its own).</summary>
    public static ApprenticeAdvice Judge(long decisions, double agreement, OffPolicyEstimate model, OffPolicyEstimate baseline, OffPolicyEstimate difference,
        EvaluationOptions bar)
    {
        var (low, high) = (difference.Gaussian.Low, difference.Gaussian.High);
        var why = decisions < bar.ApprenticeMinDecisions ? $"Only {decisions:N0} recent decisions; at least {bar.ApprenticeMinDecisions:N0} are needed."
            : difference.EffectiveSampleSize < bar.MinEffectiveSampleSize
                ? $"The log is worth only {difference.EffectiveSampleSize:N0} decisions to the comparison; at least {bar.MinEffectiveSampleSize:N0} are needed."
            : !difference.Gaussian.IsKnown ? "The interval of the difference cannot be computed from these decisions."
            : difference.Value <= 0 ? $"The model's estimated reward ({model.Value:0.000}) is not above the baseline's ({baseline.Value:0.000})."
            : low < -bar.ApprenticeTolerableLoss ? $"The 95% interval of the difference reaches {low:0.000}: a loss is still possible."
            : null;
        var recommend = why is null;
        var loss = bar.ApprenticeTolerableLoss > 0 ? string.Create(CultureInfo.InvariantCulture, $"a loss beyond the tolerated {bar.ApprenticeTolerableLoss:0.000}") : "a loss";
        var reason = why ?? string.Create(CultureInfo.InvariantCulture,
            $"The model is estimated to earn {difference.Value:0.000} more per decision than the baseline, and the 95% interval ({low:0.000} to {high:0.000}) excludes {loss}.");
        return new ApprenticeAdvice(decisions, agreement, model.Value, baseline.Value, difference.Value, low, high, difference.EffectiveSampleSize,
            difference.Estimator, bar.PreviewWindow, recommend, reason);
    }
}
