using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// The aggregator's reads and writes. A batch is written with its cursors atomically (upserts that add to existing
/// rows), so a crash either keeps a batch whole or not at all and nothing is counted twice. The write rides along in the
/// decision log writer's next group commit: a second writer on SQLite's one write lock made Rank wait (p99 8 ms →
/// 340 ms at full load).
/// </summary>
public sealed class AggregateStore(IDbContextFactory<PortalDbContext> dbFactory, DecisionLogWriter log, TimeProvider clock)
{
    public async Task<List<InsightCursor>> CursorsAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InsightCursors.AsNoTracking().Where(c => c.LoopId == loopId).ToListAsync(ct);
    }

    /// <summary>The categorical values that have segments already (to restore the value registry after a restart).</summary>
    public async Task<List<(string Feature, string Value)>> KnownValuesAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.FeatureValueStats.AsNoTracking().Where(s => s.LoopId == loopId && !s.IsNumeric)
            .Select(s => new { s.Feature, s.Bin }).Distinct().ToListAsync(ct);
        return rows.Select(r => (r.Feature, r.Bin)).ToList();
    }

    // Every decision passes here once. On SQLite the rows are stepped through with the statement API and their texts
    // copied as stored (UTF-8): no string of each request and explanation to transcode back.
    private const string ReadSql = """
        SELECT Seq, CreatedAt, RequestJson, ChosenActionId, Explored, Mode, Oversight, DeferActivation, ActivatedAt, Reward, ExplanationJson
        FROM Decisions WHERE LoopId = $loop AND Seq > $after ORDER BY Seq LIMIT $take
        """;

    /// <summary>Up to <paramref name="size"/> decisions after <paramref name="afterSeq"/>, in commit order, stopping at the first not yet settled.</summary>
    public async Task<List<SettledDecision>> ReadSettledAsync(string loopId, long afterSeq, DateTimeOffset settledBefore, int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await LogRowReads.ReadAsync(db.Database.GetDbConnection(), ReadSql, loopId, afterSeq, size, new Settled(settledBefore), ct);
    }

    /// <summary>A row of <see cref="ReadSql"/>; commit order is creation order, so reading stops at the first one not settled.</summary>
    private sealed class Settled(DateTimeOffset before) : ILogRowMap<SettledDecision>
    {
        public bool Wants<TRow>(TRow row) where TRow : ILogRow => row.Time(1) <= before;

        public SettledDecision Map<TRow>(TRow row) where TRow : ILogRow => new(
            row.Int64(0), row.Time(1), row.Utf8(2).ToArray(), row.Text(3), row.Boolean(4), row.Mode(5), (OversightEffects)row.Int32(6),
            row.Boolean(7), row.TimeOrNull(8), row.IsNull(9) ? null : row.Double(9), row.Utf8(10).ToArray());
    }

    /// <summary>Starts a saved segment's aggregates over (new or edited segment): its rows go, its cursor goes back to 0.</summary>
    public async Task ResetSourceAsync(string loopId, AggregationSource source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DeleteSegmentRowsAsync(db, loopId, Dimensions.Segment(source.SegmentId!.Value), ct);
        await db.InsightCursors.Where(c => c.LoopId == loopId && c.Source == source.Name).ExecuteDeleteAsync(ct);
        db.InsightCursors.Add(new InsightCursor { LoopId = loopId, Source = source.Name, DefinitionHash = source.DefinitionHash, LastSeq = 0 });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Forgets a saved segment that was deleted or no longer applies to the loop.</summary>
    public async Task DropSourceAsync(string loopId, string sourceName, long segmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DeleteSegmentRowsAsync(db, loopId, Dimensions.Segment(segmentId), ct);
        await db.InsightCursors.Where(c => c.LoopId == loopId && c.Source == sourceName).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Adds a batch to the tables and moves every source's cursor to its last decision. When some of the batch's
    /// decisions were deleted meanwhile (DELETE /logs, retention), only the cursors move: deleted decisions leave no trace.
    /// Nothing is written once <paramref name="term"/> is over: another node aggregates then, and the batch would count twice.
    /// </summary>
    public Task WriteAsync(string loopId, AggregateBatch batch, IReadOnlyList<AggregationSource> sources, LeaseTerm term, CancellationToken ct) =>
        log.RunInNextCommitAsync((connection, transaction) =>
        {
            if (!LeaseTable.FenceInCommit(connection, transaction, TrainerLease.Name, term, clock.GetUtcNow())) return;
            if (StillLogged(connection, transaction, loopId, batch)) AggregateWriter.Write(connection, transaction, loopId, batch);
            AggregateWriter.MoveCursors(connection, transaction, loopId, batch.LastSeq, sources);
        }, ct);

    /// <summary>Every aggregate of a loop, inside the caller's transaction (DELETE /logs deletes the analytics with the decisions).</summary>
    public static async Task DeleteLoopAsync(PortalDbContext db, string loopId, CancellationToken ct)
    {
        await db.SegmentStats.Where(s => s.LoopId == loopId).ExecuteDeleteAsync(ct);
        await db.ImportanceStats.Where(s => s.LoopId == loopId).ExecuteDeleteAsync(ct);
        await db.FeatureValueStats.Where(s => s.LoopId == loopId).ExecuteDeleteAsync(ct);
        await db.InsightCursors.Where(s => s.LoopId == loopId).ExecuteDeleteAsync(ct);
    }

    private static async Task DeleteSegmentRowsAsync(PortalDbContext db, string loopId, string dimension, CancellationToken ct)
    {
        await db.SegmentStats.Where(s => s.LoopId == loopId && s.Dimension == dimension).ExecuteDeleteAsync(ct);
        await db.ImportanceStats.Where(s => s.LoopId == loopId && s.Dimension == dimension).ExecuteDeleteAsync(ct);
    }

    private static bool StillLogged(DbConnection connection, DbTransaction transaction, string loopId, AggregateBatch batch)
    {
        if (batch.DecisionsRead == 0) return true;
        using var count = DbCommands.Prepare(connection, transaction,
            "SELECT COUNT(*) FROM Decisions WHERE LoopId = $loop AND Seq BETWEEN $first AND $last", "$loop", "$first", "$last");
        DbCommands.Bind(count, loopId, batch.FirstSeq, batch.LastSeq);
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == batch.DecisionsRead;
    }
}
