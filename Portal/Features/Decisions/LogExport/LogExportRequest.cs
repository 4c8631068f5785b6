namespace Portal.Features.Decisions.LogExport;

/// <summary>What someone asks to export: a loop's decisions logged in [<see cref="From"/>, <see cref="To"/>), as text from the address or the page.</summary>
public sealed record LogExportRequest(string LoopId, DateTimeOffset? From, DateTimeOffset? To, string? Format);

/// <summary>An export that passed its checks: the window is closed (no end in the future) and the format is known.</summary>
public sealed record LogExportWindow(string LoopId, DateTimeOffset From, DateTimeOffset To, LogExportFormat Format);

/// <summary>Why an export cannot run, in Personalizer's terms: the status, the error code and a sentence naming the field.</summary>
public sealed record LogExportProblem(int Status, string Code, string Message);
