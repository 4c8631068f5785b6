using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Audit;

/// <summary>The one query of the audit log, shared by the page, the CSV export and the API: newest first.</summary>
public sealed class AuditQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxPageSize = 1000;

    public sealed record Page(IReadOnlyList<AuditEntry> Entries, int Total);

    public async Task<Page> FindAsync(AuditFilter filter, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.Seq).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(ct);
        return new Page(entries, total);
    }

    /// <summary>Every matching entry, streamed (exports), newest first.</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var entry in Filtered(db, filter).OrderByDescending(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
            yield return entry;
    }

    /// <summary>The history of one target (a decision, a rule, an action), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForTargetAsync(string targetType, string targetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.TargetType == targetType && e.TargetId == targetId)
            .OrderBy(e => e.Seq).ToListAsync(ct);
    }

    private static IQueryable<AuditEntry> Filtered(PortalDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from) query = query.Where(e => e.At >= from);
        if (filter.To is { } to) query = query.Where(e => e.At <= to);
        if (!string.IsNullOrWhiteSpace(filter.LoopId)) query = query.Where(e => e.LoopId == filter.LoopId);
        if (!string.IsNullOrWhiteSpace(filter.Actor)) query = query.Where(e => e.ActorName.Contains(filter.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action.StartsWith(filter.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.TargetType)) query = query.Where(e => e.TargetType == filter.TargetType);
        if (!string.IsNullOrWhiteSpace(filter.TargetId)) query = query.Where(e => e.TargetId == filter.TargetId);
        return query;
    }
}
