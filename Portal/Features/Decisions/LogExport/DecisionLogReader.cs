using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// The one query of the export, its preview and the API: a loop's decisions in a time window, oldest first, read in
/// pages by (time, key) so each read is a short index range and a long export holds no read transaction open.
/// </summary>
public sealed class DecisionLogReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int PageSize = 5_000;

    /// <summary>Decisions in the window, and how many of them are of opted-out users.</summary>
    public async Task<(long Events, long OptedOut)> CountAsync(string loopId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = InWindow(db, loopId, from, to);
        var events = await window.LongCountAsync(ct);
        var optedOut = events == 0 ? 0 : await window.LongCountAsync(d => (d.Oversight & OversightEffects.OptedOut) != 0, ct);
        return (events, optedOut);
    }

    /// <summary>The decisions in the window in time order (ties in commit order), at most <paramref name="limit"/>.</summary>
    public async IAsyncEnumerable<LoggedEvent> ReadAsync(string loopId, DateTimeOffset from, DateTimeOffset to, long limit,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var (afterTime, afterSeq) = (from, long.MinValue);
        var read = 0L;
        while (read < limit)
        {
            List<LoggedEvent> page;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var (time, seq) = (afterTime, afterSeq);
                page = await InWindow(db, loopId, time, to)
                    .Where(d => d.CreatedAt > time || d.Seq > seq)
                    .OrderBy(d => d.CreatedAt).ThenBy(d => d.Seq)
                    .Take((int)Math.Min(PageSize, limit - read))
                    .Select(d => new LoggedEvent(d.Seq, d.EventId, d.CreatedAt, d.RequestJson, d.ChosenActionId, d.ChosenProbability,
                        d.BaselineActionId, d.Explored, d.ModelVersion, d.Mode, d.RankingJson, d.Oversight, d.DeferActivation,
                        d.ActivatedAt, d.Reward, d.RewardCount, db.DecisionFlags.Any(f => f.DecisionSeq == d.Seq)))
                    .ToListAsync(ct);
            }
            foreach (var e in page) yield return e;
            read += page.Count;
            if (page.Count < PageSize) yield break;
            (afterTime, afterSeq) = (page[^1].CreatedAt, page[^1].Seq);
        }
    }

    private static IQueryable<Decision> InWindow(PortalDbContext db, string loopId, DateTimeOffset from, DateTimeOffset to) =>
        db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId && d.CreatedAt >= from && d.CreatedAt < to);
}
