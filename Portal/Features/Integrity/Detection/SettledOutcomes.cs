using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Integrity.Detection;

/// <summary>Reads a loop's settled decisions (older than its reward wait) in commit order, as the detectors fold them.</summary>
public sealed class SettledOutcomes(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<List<SettledOutcome>> ReadAsync(string loopId, long afterSeq, DateTimeOffset settledBefore, int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.LoopId == loopId && d.Seq > afterSeq)
            .OrderBy(d => d.Seq)
            .Take(size)
            .Select(d => new SettledOutcome(d.Seq, d.CreatedAt, d.RequestJson, d.ChosenActionId, d.Reward, d.RewardCount, d.RewardedAt, d.RewardSource))
            .ToListAsync(ct);
        // Commit order is creation order: everything from the first unsettled decision on waits for the next pass.
        var unsettled = rows.FindIndex(d => d.CreatedAt >= settledBefore);
        return unsettled < 0 ? rows : rows[..unsettled];
    }

    /// <summary>
    /// Where a watch starting now begins: <paramref name="history"/> settled decisions back (to rebuild the baseline),
    /// and the newest settled one (judging starts after it).
    /// </summary>
    public async Task<(long HistoryStart, long Newest)> StartingPointAsync(string loopId, DateTimeOffset settledBefore, int history, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settled = db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId && d.CreatedAt < settledBefore).OrderByDescending(d => d.Seq);
        var newest = await settled.Select(d => (long?)d.Seq).FirstOrDefaultAsync(ct) ?? 0;
        var start = await settled.Skip(history).Select(d => (long?)d.Seq).FirstOrDefaultAsync(ct) ?? 0;
        return (start, newest);
    }
}
