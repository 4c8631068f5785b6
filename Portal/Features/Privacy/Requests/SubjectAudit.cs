using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>Data-subject requests in the audit log: who, what and how many, naming the person only by a keyed hash (<see cref="DataSubject.Key"/>).</summary>
public sealed class SubjectAudit(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit)
{
    public const string TargetType = "dataSubject";
    public const string ExportAction = "privacy.subject.export";
    public const string EraseAction = "privacy.subject.erase";
    /// <summary>A person ran a given-up erasure again (the run itself is audited as any erasure).</summary>
    public const string RunAgainAction = "privacy.subject.erase.run-again";

    public async Task RecordAsync(Actor actor, string action, DataSubject subject, object after, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await audit.AppendAsync(db, actor, new AuditRecord(action, TargetType, subject.Key, After: Detail(subject, after)), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Named by the id's hash, the entry also says that an address was asked for (by its hash: the log keeps no address).</summary>
    private static string? Detail(DataSubject subject, object after)
    {
        var json = AuditRecord.Json(after);
        if (subject is not { UserHash: not null, ContactHash: { } contact } || json is null) return json;
        var detail = JsonNode.Parse(json)!.AsObject();
        detail["contactEmailHash"] = contact;
        return detail.ToJsonString();
    }
}
