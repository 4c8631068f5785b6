using System.Globalization;

namespace Portal.Features.Dashboard;

/// <summary>A loop's data age in words, "oldest data: 12 Nov 2026 · kept 90 days", so an operator sees retention at work.</summary>
public static class RetentionSummary
{
    public static string Of(LoopActivity activity)
    {
        var oldest = activity.OldestDecisionAt is { } at
            ? "oldest data: " + at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : "no data yet";
        var kept = activity.LogRetentionDays switch
        {
            < 0 => "kept forever",
            1 => "kept 1 day",
            var days => $"kept {days.ToString("N0", CultureInfo.InvariantCulture)} days",
        };
        return oldest + " · " + kept;
    }
}
