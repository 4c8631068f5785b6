namespace Portal.Features.Decisions.LogExport;

public static class LogExportRegistration
{
    /// <summary>The decision log's export (DSJSON, CSV): its query, checks, writer and the page's progress board.</summary>
    public static IHostApplicationBuilder AddLogExport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DecisionLogReader>();
        builder.Services.AddSingleton<LoopExportRulesReader>();
        builder.Services.AddSingleton<LogExportPlanner>();
        builder.Services.AddSingleton<LogExporter>();
        builder.Services.AddSingleton<LogExportPreviewer>();
        builder.Services.AddSingleton<ExportProgressBoard>();
        return builder;
    }
}
