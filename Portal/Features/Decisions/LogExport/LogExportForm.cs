using MudBlazor;

namespace Portal.Features.Decisions.LogExport;

/// <summary>What the page's form holds, and the request it makes of it. Picked days are whole UTC days, the last one included.</summary>
public sealed class LogExportForm
{
    public string? LoopId { get; set; }

    public LogWindowChoice Window { get; set; } = LogWindowChoice.LastDay;

    public DateRange? Days { get; set; }

    public LogExportFormat Format { get; set; } = LogExportFormat.Dsjson;

    public static IReadOnlyList<LogWindowChoice> Windows { get; } = Enum.GetValues<LogWindowChoice>();

    public static string Label(LogWindowChoice choice) => choice switch
    {
        LogWindowChoice.LastHour => "Last hour",
        LogWindowChoice.LastDay => "Last 24 hours",
        LogWindowChoice.LastWeek => "Last 7 days",
        LogWindowChoice.Last30Days => "Last 30 days",
        LogWindowChoice.Everything => "The whole log",
        _ => "Days (UTC)…",
    };

    /// <summary>The request, or null with the sentence that says what is missing.</summary>
    public (LogExportRequest? Request, string? Missing) ToRequest(DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(LoopId)) return (null, "Pick a loop.");
        if (Window == LogWindowChoice.Days)
        {
            if (Days is not { Start: { } first, End: { } last }) return (null, "Pick the first and the last day.");
            var from = new DateTimeOffset(DateTime.SpecifyKind(first.Date, DateTimeKind.Utc));
            var to = new DateTimeOffset(DateTime.SpecifyKind(last.Date, DateTimeKind.Utc)).AddDays(1);
            return (new LogExportRequest(LoopId, from, to, Format.Name()), null);
        }
        var since = Window switch
        {
            LogWindowChoice.LastHour => now.AddHours(-1),
            LogWindowChoice.LastDay => now.AddDays(-1),
            LogWindowChoice.LastWeek => now.AddDays(-7),
            LogWindowChoice.Last30Days => now.AddDays(-30),
            _ => (DateTimeOffset?)null,
        };
        return (new LogExportRequest(LoopId, since, now, Format.Name()), null);
    }
}
