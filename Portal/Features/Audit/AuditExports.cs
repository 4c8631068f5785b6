using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Security;

namespace Portal.Features.Audit;

/// <summary>Exports are accountable too: each one is recorded (who, which filter) before its rows are written, by the export
/// service that checked the policy.</summary>
public sealed class AuditExports(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit)
{
    public async Task RecordAsync(Actor actor, string what, object filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await audit.AppendAsync(db, actor, new AuditRecord("export", what, "csv", After: AuditRecord.Json(filter)), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
