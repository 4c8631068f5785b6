using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Integrity.Detection;

/// <summary>Reads a loop's settled decisions (older than its reward wait) in commit order, as the detectors fold them.</summary>
public sealed class SettledOutcomes(IDbContextFactory<PortalDbContext> dbFactory)
{
    // Every settled decision passes here (the watch keeps up with Rank). On SQLite the rows are stepped through with the
    // statement API, so that each request's context is read from its stored UTF-8 bytes in place: no string of the whole
    // request per row, no copy.
    private const string ReadSql = """
        SELECT Seq, CreatedAt, RequestJson, ChosenActionId, Reward, RewardCount, RewardedAt, RewardSource
        FROM Decisions WHERE LoopId = $loop AND Seq > $after ORDER BY Seq LIMIT $take
        """;

    public async Task<List<SettledOutcome>> ReadAsync(string loopId, long afterSeq, DateTimeOffset settledBefore, int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await LogRowReads.ReadAsync(db.Database.GetDbConnection(), ReadSql, loopId, afterSeq, size, new Outcome(settledBefore), ct);
    }

    /// <summary>A row of <see cref="ReadSql"/>; commit order is creation order, so reading stops at the first one not settled.</summary>
    private sealed class Outcome(DateTimeOffset before) : ILogRowMap<SettledOutcome>
    {
        public bool Wants<TRow>(TRow row) where TRow : ILogRow => row.Time(1) < before;

        // Action ids repeat from decision to decision: the thread's strings, not one per row.
        public SettledOutcome Map<TRow>(TRow row) where TRow : ILogRow => new(
            row.Int64(0), row.Time(1), LoggedContext.Categories(row.Utf8(2)), FeatureStrings.ForThread().Get(row.Utf8(3)),
            row.IsNull(4) ? null : row.Double(4), row.Int32(5), row.TimeOrNull(6), row.IsNull(7) ? null : row.Text(7));
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
