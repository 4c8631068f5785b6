namespace Portal.Features.Loops.Advice;

/// <summary>
/// Whether an apprentice loop's model is ready to serve: on its recent decisions, how often the model's first choice is
/// the baseline, the estimated mean reward of the model (as Online would serve it) and of the baseline, their paired
/// difference with its 95 % interval, and the verdict with its reason. Values are NaN when there were no data.
/// </summary>
public sealed record ApprenticeAdvice(
    long Decisions,
    double Agreement,
    double ModelValue,
    double BaselineValue,
    double Difference,
    double Low,
    double High,
    double EffectiveSampleSize,
    string Estimator,
    TimeSpan Window,
    bool RecommendOnline,
    string Reason)
{
    public static ApprenticeAdvice NoData(string reason, TimeSpan window) =>
        new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, "", window, false, reason);

    public bool HasEstimate => double.IsFinite(Difference);
}
