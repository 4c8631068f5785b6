namespace Portal.Features.Decisions.LogExport;

/// <summary>What the page shows before a download: the planned export and its first lines, or why there is none.</summary>
public sealed record LogPreview(LogExportPlan? Plan, IReadOnlyList<string> Lines, string? Problem)
{
    public static LogPreview Refused(string problem) => new(null, [], problem);

    /// <summary>The first lines as one text, as they will be in the file.</summary>
    public string Text => string.Join("\n", Lines);

    /// <summary>The count in words: how many decisions, how many of them of opted-out users (exported without context).</summary>
    public string Summary => Plan is null ? ""
        : $"{Plan.Events:N0} decisions of loop '{Plan.Window.LoopId}'"
          + (Plan.OptedOut > 0 ? $", {Plan.OptedOut:N0} of them of opted-out users (exported without any context)" : "")
          + $", from {Plan.Window.From.UtcDateTime:yyyy-MM-dd HH:mm} to {Plan.Window.To.UtcDateTime:yyyy-MM-dd HH:mm} UTC.";
}
