namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// An export ready to run: its checked window, the loop's rules, and how many decisions it holds (counted when it was
/// planned; decisions logged later inside the window are written too, as they are read).
/// </summary>
public sealed record LogExportPlan(LogExportWindow Window, LoopExportRules Rules, long Events, long OptedOut);

/// <summary>A plan, or the problem that stops it.</summary>
public sealed record LogExportPlanResult(LogExportPlan? Plan, LogExportProblem? Problem)
{
    public static LogExportPlanResult Refused(int status, string code, string message) => new(null, new LogExportProblem(status, code, message));
}
