namespace Portal.Features.Audit;

/// <summary>What the audit page, its export and the API filter by; every part is optional.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? LoopId = null,
    string? Actor = null,
    string? Action = null,
    string? TargetType = null,
    string? TargetId = null);
