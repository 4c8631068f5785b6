using Portal.Features.Evaluation.Estimators;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Runs;

/// <summary>One estimator's estimate as a run stores it (<see cref="OffPolicyEstimate"/>, flattened for JSON).</summary>
public sealed record StoredEstimate(
    string Estimator,
    double Value,
    double GaussianLow,
    double GaussianHigh,
    double SmallSampleLow,
    double SmallSampleHigh,
    string SmallSampleMethod,
    long Count,
    double EffectiveSampleSize)
{
    public static StoredEstimate From(OffPolicyEstimate estimate) => new(estimate.Estimator, estimate.Value,
        estimate.Gaussian.Low, estimate.Gaussian.High, estimate.SmallSample.Low, estimate.SmallSample.High,
        estimate.SmallSampleMethod, estimate.Count, estimate.EffectiveSampleSize);

    public Interval Gaussian => new(GaussianLow, GaussianHigh);

    public Interval SmallSample => new(SmallSampleLow, SmallSampleHigh);

    /// <summary>The interval to report: the small-sample one (valid with large weights) when known, else the Gaussian one.</summary>
    public Interval Reported => SmallSample.IsKnown ? SmallSample : Gaussian;
}
