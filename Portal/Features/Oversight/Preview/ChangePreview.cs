namespace Portal.Features.Oversight.Preview;

/// <summary>
/// The estimated effect of a proposed freeze or rule on the loop's mean reward per decision, from its recent logged
/// decisions: the change (policy with the change − the online policy) with its 95 % interval, or, when
/// <see cref="TooFew"/> says why, no figure at all.
/// </summary>
public sealed record ChangePreview(
    double Change,
    double Low,
    double High,
    double CurrentValue,
    long Decisions,
    double EffectiveSampleSize,
    string Estimator,
    TimeSpan Window,
    string? TooFew)
{
    public static ChangePreview TooFewData(string reason, TimeSpan window, long decisions = 0, double effective = 0) =>
        new(double.NaN, double.NaN, double.NaN, double.NaN, decisions, effective, "", window, reason);
}
