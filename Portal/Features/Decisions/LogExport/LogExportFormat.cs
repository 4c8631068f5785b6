namespace Portal.Features.Decisions.LogExport;

/// <summary>The two shapes of an export: Vowpal Wabbit's decision-service JSON (one event a line), or CSV for people.</summary>
public enum LogExportFormat
{
    Dsjson,
    Csv,
}

/// <summary>The format's name in addresses, its media type and its file extension.</summary>
public static class LogExportFormats
{
    public const string Names = "dsjson or csv";

    public static bool TryParse(string? name, out LogExportFormat format)
    {
        format = LogExportFormat.Dsjson;
        if (name is null || name.Equals("dsjson", StringComparison.OrdinalIgnoreCase)) return true;
        if (!name.Equals("csv", StringComparison.OrdinalIgnoreCase)) return false;
        format = LogExportFormat.Csv;
        return true;
    }

    public static string Name(this LogExportFormat format) => format == LogExportFormat.Csv ? "csv" : "dsjson";

    // DSJSON is JSON lines: what VW's --dsjson reads and what jq and pandas (lines=True) read.
    public static string ContentType(this LogExportFormat format) =>
        format == LogExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    public static string Extension(this LogExportFormat format) => format == LogExportFormat.Csv ? "csv" : "dsjson";
}
