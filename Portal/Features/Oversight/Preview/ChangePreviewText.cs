using System.Globalization;

namespace Portal.Features.Oversight.Preview;

/// <summary>What the preview says, in words a reviewer reads at a glance (signed, three decimals, invariant culture).</summary>
public static class ChangePreviewText
{
    public static string Estimate(ChangePreview p) => string.Create(CultureInfo.InvariantCulture,
        $"Estimated change in mean reward: {Signed(p.Change)} per decision (95% interval {Signed(p.Low)} to {Signed(p.High)}), " +
        $"against {p.CurrentValue:0.000} for the online policy as it is; from {p.Decisions:N0} decisions of the last {Days(p.Window)} ({p.Estimator}).");

    public static string Reading(ChangePreview p) =>
        p.Low > 0 ? "Likely a gain." : p.High < 0 ? "Likely a loss." : "The data cannot tell a gain from a loss.";

    public static string TooFew(ChangePreview p) => $"Too few data to estimate the change in reward: {p.TooFew}.";

    private static string Signed(double value) => value.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    private static string Days(TimeSpan window) =>
        window.TotalDays >= 1 ? window.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " days" : window.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " hours";
}
