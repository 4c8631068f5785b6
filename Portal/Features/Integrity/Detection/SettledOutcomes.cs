using System.Data.Common;
using Microsoft.Data.Sqlite;
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
    // request (≈ 4 KB) per row, no copy. PostgreSQL rows go through a plain command.
    private const string ReadSql = """
        SELECT Seq, CreatedAt, RequestJson, ChosenActionId, Reward, RewardCount, RewardedAt, RewardSource
        FROM Decisions WHERE LoopId = $loop AND Seq > $after ORDER BY Seq LIMIT $size
        """;

    public async Task<List<SettledOutcome>> ReadAsync(string loopId, long afterSeq, DateTimeOffset settledBefore, int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        return connection is SqliteConnection sqlite
            ? ReadSqlite(sqlite, loopId, afterSeq, settledBefore, size)
            : await ReadCommandAsync(connection, loopId, afterSeq, settledBefore, size, ct);
    }

    private static List<SettledOutcome> ReadSqlite(SqliteConnection connection, string loopId, long afterSeq, DateTimeOffset settledBefore, int size)
    {
        using var rows = new SqliteRows(connection, ReadSql).Bind("$loop", loopId).Bind("$after", afterSeq).Bind("$size", size);
        var settled = new List<SettledOutcome>();
        while (rows.Next() && rows.Time(1) < settledBefore) settled.Add(Outcome(rows));
        return settled;
    }

    private static async Task<List<SettledOutcome>> ReadCommandAsync(DbConnection connection, string loopId, long afterSeq,
        DateTimeOffset settledBefore, int size, CancellationToken ct)
    {
        await using var command = DbCommands.Prepare(connection, ReadSql, "$loop", "$after", "$size");
        DbCommands.Bind(command, loopId, afterSeq, size);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var settled = new List<SettledOutcome>();
        while (await reader.ReadAsync(ct) && new ReaderRow(reader).Time(1) < settledBefore) settled.Add(Outcome(new ReaderRow(reader)));
        return settled;
    }

    /// <summary>A row of <see cref="ReadSql"/>; commit order is creation order, so reading stops at the first one not settled.</summary>
    private static SettledOutcome Outcome<TRow>(TRow row) where TRow : ILogRow => new(
        row.Int64(0), row.Time(1), LoggedContext.Categories(row.Utf8(2)), row.Text(3), row.IsNull(4) ? null : row.Double(4),
        row.Int32(5), row.TimeOrNull(6), row.IsNull(7) ? null : row.Text(7));

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
