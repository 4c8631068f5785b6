using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Decisions.Log;

/// <summary>Deletes a loop's whole decision log (Personalizer's DELETE /logs), what was derived from it, and audits it.</summary>
public sealed class LoopLogDeletion(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, IEnumerable<ILogDerivedData> derived)
{
    /// <summary>One transaction: the decisions, every feature's derived data and the audit entry go together or not at all.</summary>
    public async Task<int> DeleteAsync(string loopId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.Decisions.Where(d => d.LoopId == loopId).ExecuteDeleteAsync(ct);
        foreach (var data in derived) await data.DeleteLoopAsync(db, loopId, ct);
        await audit.AppendAsync(db, actor, new AuditRecord("loop.logs.delete", "loop", loopId, loopId,
            Before: AuditRecord.Json(new { decisions = deleted })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    /// <summary>The time span the loop's log covers; both ends null when it holds no decision.</summary>
    public async Task<(DateTimeOffset? From, DateTimeOffset? To)> RangeAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var range = await db.Decisions.Where(d => d.LoopId == loopId)
            .GroupBy(_ => 1)
            .Select(g => new { From = g.Min(d => d.CreatedAt), To = g.Max(d => d.CreatedAt) })
            .ToListAsync(ct);
        return range.Count == 0 ? (null, null) : (range[0].From, range[0].To);
    }
}
