using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// One estimator's estimate of a candidate policy's mean reward: the point value, the 95 % Gaussian interval, the 95 %
/// small-sample interval (empirical Bernstein or Cressie-Read, see <see cref="SmallSampleMethod"/>), the number of
/// decisions and the effective sample size (Σw)² / Σw² (Kish): how many decisions the weighted log is worth.
/// </summary>
public sealed record OffPolicyEstimate(
    string Estimator,
    double Value,
    Interval Gaussian,
    Interval SmallSample,
    string SmallSampleMethod,
    long Count,
    double EffectiveSampleSize)
{
    public static OffPolicyEstimate Empty(string estimator, string smallSampleMethod) =>
        new(estimator, double.NaN, Interval.Unknown, Interval.Unknown, smallSampleMethod, 0, 0);
}
