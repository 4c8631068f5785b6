namespace Portal.Features.Decisions.LogExport;

/// <summary>The page's windows: the last hour, day, week or 30 days up to now, the whole log, or days picked on a calendar.</summary>
public enum LogWindowChoice
{
    LastHour,
    LastDay,
    LastWeek,
    Last30Days,
    Everything,
    Days,
}
