using Portal.Data.Entities;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Audit;

/// <summary>
/// The audit log as CSV (formula-safe), newest first, streamed so a long log never sits in memory. Only for
/// <see cref="PortalPolicies.ReadAudit"/>; the export itself is recorded before its first row.
/// </summary>
public sealed class AuditCsv(AuditQueries queries, AuditExports exports, ActorAuthorization authorization)
{
    public static readonly string[] Header =
        ["seq", "time_utc", "actor", "actor_id", "action", "target_type", "target_id", "loop", "reason", "before", "after", "previous_hash", "hash"];

    public async Task WriteAsync(Actor actor, AuditFilter filter, Stream output, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ReadAudit);
        await exports.RecordAsync(actor, "audit-log", filter, ct);
        await using var text = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new CsvWriter(text).Row(Header);
        var rows = 0;
        await foreach (var entry in queries.StreamAsync(filter, ct))
        {
            Write(csv, entry);
            if (++rows % 1000 == 0) await text.FlushAsync(ct);
        }
        await text.FlushAsync(ct);
    }

    private static void Write(CsvWriter csv, AuditEntry e) => csv
        .Number(e.Seq).Time(e.At).Text(e.ActorName).Text(e.ActorId).Text(e.Action).Text(e.TargetType).Text(e.TargetId).Text(e.LoopId)
        .Text(e.Reason).Text(e.Before).Text(e.After).Text(e.PreviousHash).Text(e.Hash).EndRow();
}
