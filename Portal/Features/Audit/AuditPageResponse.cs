using Portal.Data.Entities;

namespace Portal.Features.Audit;

/// <summary>A page of the audit log as the API returns it.</summary>
public sealed record AuditPageResponse(int Total, int Skip, IReadOnlyList<AuditEntryResponse> Entries);

public sealed record AuditEntryResponse(
    long Seq, DateTimeOffset At, string Actor, string? ActorId, string Action, string TargetType, string TargetId, string? LoopId,
    string? Reason, string? Before, string? After, string PreviousHash, string Hash)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Seq, e.At, e.ActorName, e.ActorId, e.Action, e.TargetType, e.TargetId, e.LoopId, e.Reason, e.Before, e.After, e.PreviousHash, e.Hash);
}
