namespace Portal.Data.Entities;

/// <summary>
/// What people decided about one context or action feature of a loop, by its dotted path (<c>user.ageBand</c>):
/// whether it is audit-only (kept in the log for bias analysis, removed before the learner sees it) and the name
/// that end users read on the "Why this suggestion?" page. A missing row means: a model input, shown by its path.
/// </summary>
public sealed class LoopFeature
{
    public required string LoopId { get; set; }
    public required string Path { get; set; }
    public bool AuditOnly { get; set; }
    public string? DisplayName { get; set; }
    public required string UpdatedByName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
