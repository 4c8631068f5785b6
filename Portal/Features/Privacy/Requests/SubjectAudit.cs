using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>Data-subject requests in the audit log: who, what and how many, naming the person only by the id's keyed hash.</summary>
public sealed class SubjectAudit(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit)
{
    public const string TargetType = "dataSubject";
    public const string ExportAction = "privacy.subject.export";
    public const string EraseAction = "privacy.subject.erase";

    public async Task RecordAsync(Actor actor, string action, DataSubject subject, object after, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await audit.AppendAsync(db, actor, new AuditRecord(action, TargetType, subject.UserHash, After: AuditRecord.Json(after)), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
