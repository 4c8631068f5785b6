using System.Globalization;

namespace Portal.Features.Insights.Report;

/// <summary>The days of a report, as people give them (yyyy-MM-dd, UTC, both included), checked.</summary>
public static class ReportPeriod
{
    public const int MaxDays = 366;

    /// <summary>The period, or an error that names the field.</summary>
    public static (DateOnly First, DateOnly Last, string? Error) Parse(string? from, string? to)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return (default, default, "from must be a day such as 2026-11-01.");
        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
            return (default, default, "to must be a day such as 2026-11-30.");
        return (first, last, Problem(first, last));
    }

    public static string? Problem(DateOnly first, DateOnly last) =>
        last < first ? "The last day is before the first day."
        : last.DayNumber - first.DayNumber + 1 > MaxDays ? $"A report covers at most {MaxDays} days."
        : null;

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
