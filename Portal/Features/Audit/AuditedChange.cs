namespace Portal.Features.Audit;

/// <summary>
/// What one step of <see cref="ServingChanges"/> made of a change: its result for the caller, and the audit record when
/// it changed something (none when it was refused, e.g. already frozen, so nothing is committed or published).
/// </summary>
public readonly record struct AuditedChange<T>(T Result, AuditRecord? Record)
{
    public static AuditedChange<T> Made(T result, AuditRecord record) => new(result, record);

    public static AuditedChange<T> Refused(T result) => new(result, null);
}
