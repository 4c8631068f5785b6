using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accountability.GoLive;

/// <summary>
/// At start-up: writes the audit entry of each review the GoLiveReview migration recorded for loops that were serving
/// before go-live reviews existed. The migration's SQL cannot sign the audit chain (its key lives in the data folder),
/// so Portal records them as its own action at the first start after the migration, once per loop.
/// </summary>
public sealed class MigratedReviewsAudit(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, AuditQueries auditLog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var migrated = await db.GoLiveReviews.AsNoTracking().Where(r => r.Source == GoLiveReviewSource.Migration).ToListAsync(cancellationToken);
        var unaudited = new List<GoLiveReview>();
        foreach (var row in migrated)
        {
            var entries = await auditLog.FindAsync(new AuditFilter(LoopId: row.LoopId, Action: GoLiveReviews.RecordAction), 0, 1, cancellationToken);
            if (entries.Total == 0) unaudited.Add(row);
        }
        if (unaudited.Count == 0) return;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in unaudited) await audit.AppendAsync(db, Actor.System, GoLiveReviews.AuditOf(row), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
