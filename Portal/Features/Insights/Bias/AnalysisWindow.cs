using System.Globalization;

namespace Portal.Features.Insights.Bias;

/// <summary>
/// A span of whole UTC hours, [From, To): the unit the aggregates are kept in. "Last 24 hours" ends with the current
/// (partial) hour; custom windows are whole days. A decision counts once its reward wait has passed, so the newest
/// minutes fill in as they settle. The page and the compliance report use the same windows.
/// </summary>
public readonly record struct AnalysisWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public TimeSpan Length => To - From;

    /// <summary>The window of equal length just before this one (the drift index's reference).</summary>
    public AnalysisWindow Previous => new(From - Length, From);

    /// <summary>Trends use hours up to two days, days beyond.</summary>
    public TimeSpan TrendStep => Length <= TimeSpan.FromDays(2) ? Hour : TimeSpan.FromDays(1);

    public static AnalysisWindow Last(TimeSpan length, DateTimeOffset now)
    {
        var end = StartOfHour(now) + Hour;
        return new AnalysisWindow(end - length, end);
    }

    public static AnalysisWindow Of(WindowChoice choice, DateOnly? fromDay, DateOnly? toDay, DateTimeOffset now) => choice switch
    {
        WindowChoice.Last7Days => Last(TimeSpan.FromDays(7), now),
        WindowChoice.Last30Days => Last(TimeSpan.FromDays(30), now),
        WindowChoice.Custom when fromDay is { } from && toDay is { } to => Days(from, to),
        _ => Last(TimeSpan.FromDays(1), now),
    };

    /// <summary>Whole UTC days from <paramref name="first"/> through <paramref name="last"/> (both included).</summary>
    public static AnalysisWindow Days(DateOnly first, DateOnly last)
    {
        if (last < first) (first, last) = (last, first);
        return new AnalysisWindow(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    public static DateTimeOffset StartOfHour(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000);

    /// <summary>Whole days as days, both included (<c>2026-11-20 to 2026-11-26 (UTC)</c>); other windows with their hours.</summary>
    public string Describe() => From.TimeOfDay == TimeSpan.Zero && To.TimeOfDay == TimeSpan.Zero
        ? string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd} to {To.AddDays(-1):yyyy-MM-dd} (UTC)")
        : string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm} UTC");
}
