namespace Portal.Features.Decisions.LogExport;

/// <summary>The page's preview: the same checks and the same writer as the download, the first few decisions only.</summary>
public sealed class LogExportPreviewer(LogExportPlanner planner, LogExporter exporter)
{
    public const int Lines = 5;

    public async Task<LogPreview> PreviewAsync(LogExportRequest request, CancellationToken ct)
    {
        var planned = await planner.PlanAsync(request, ct);
        if (planned.Plan is not { } plan) return LogPreview.Refused(planned.Problem!.Message);
        return new LogPreview(plan, await exporter.PreviewAsync(plan, Lines, ct), null);
    }
}
