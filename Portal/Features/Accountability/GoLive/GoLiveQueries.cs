using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Accountability.GoLive;

/// <summary>Reads loops' go-live reviews: one loop's status and history, every loop's review in force, and which loops may serve their model.</summary>
public sealed class GoLiveQueries(IDbContextFactory<PortalDbContext> dbFactory, IOptOutTraffic traffic)
{
    /// <summary>Null when the loop does not exist. Reads the loop's latest decisions for <see cref="OptOutTraffic"/>.</summary>
    public async Task<GoLiveStatus?> StatusAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Loops.AnyAsync(l => l.Id == loopId, ct)) return null;
        var rows = await db.GoLiveReviews.AsNoTracking().Where(r => r.LoopId == loopId).OrderByDescending(r => r.Version).ToListAsync(ct);
        var statement = await db.DataHandlingStatements.Where(s => s.LoopId == loopId).MaxAsync(s => (int?)s.Version, ct);
        var history = rows.ConvertAll(GoLiveRecord.From);
        return new GoLiveStatus(loopId, history.FirstOrDefault(r => r.IsActive), statement, history, await traffic.OfAsync(loopId, ct));
    }

    /// <summary>Whether the loop has had a review at all (one a person withdrew counts).</summary>
    public async Task<bool> EverReviewedAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.GoLiveReviews.AnyAsync(r => r.LoopId == loopId, ct);
    }

    /// <summary>The review in force of every loop that has one, by loop id (a loop absent awaits its review): for lists.</summary>
    public async Task<IReadOnlyDictionary<string, GoLiveRecord>> InForceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.GoLiveReviews.AsNoTracking().Where(r => r.WithdrawnAt == null).ToListAsync(ct);
        return rows.ToDictionary(r => r.LoopId, GoLiveRecord.From, StringComparer.Ordinal);
    }

    /// <summary>The loops whose review is in force: the only ones whose model may serve.</summary>
    public async Task<IReadOnlySet<string>> ReviewedLoopIdsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.GoLiveReviews.AsNoTracking().Where(r => r.WithdrawnAt == null).Select(r => r.LoopId).ToListAsync(ct);
        return ids.ToHashSet(StringComparer.Ordinal);
    }
}
