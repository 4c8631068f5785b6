using System.Globalization;

namespace Portal.Features.Loops.Advice;

/// <summary>The advice in words (three decimals, invariant culture).</summary>
public static class ApprenticeAdviceText
{
    public static string Agreement(ApprenticeAdvice a) => string.Create(CultureInfo.InvariantCulture,
        $"The model's first choice is the baseline in {a.Agreement * 100:0}% of the last {a.Decisions:N0} decisions ({Days(a.Window)}).");

    public static string Estimate(ApprenticeAdvice a) => string.Create(CultureInfo.InvariantCulture,
        $"Estimated mean reward: model {a.ModelValue:0.000}, baseline {a.BaselineValue:0.000}; difference {Signed(a.Difference)} " +
        $"(95% interval {Signed(a.Low)} to {Signed(a.High)}, {a.Estimator}, worth {a.EffectiveSampleSize:N0} decisions).");

    /// <summary>Apprentice decisions all show the baseline: what the model would choose instead is judged by the reward model.</summary>
    public const string Caveat = "Every apprentice decision showed the baseline, so where the model would choose otherwise the estimate rests on the reward model learned from the log.";

    private static string Signed(double value) => value.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    private static string Days(TimeSpan window) =>
        window.TotalDays >= 1 ? "last " + window.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " days" : "last " + window.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " hours";
}
