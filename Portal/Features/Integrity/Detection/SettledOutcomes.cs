using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Infrastructure.Persistence;
using SQLitePCL;

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
        var handle = connection.Handle!;
        SqliteResults.Check(handle, raw.sqlite3_prepare_v2(handle, ReadSql, out var statement));
        using (statement)
        {
            SqliteResults.Check(handle, raw.sqlite3_bind_text16(statement, raw.sqlite3_bind_parameter_index(statement, "$loop"), loopId));
            SqliteResults.Check(handle, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$after"), afterSeq));
            SqliteResults.Check(handle, raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "$size"), size));
            var rows = new List<SettledOutcome>();
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                // Commit order is creation order: everything from the first unsettled decision on waits for the next pass.
                var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(statement, 1));
                if (createdAt >= settledBefore) return rows;
                rows.Add(new SettledOutcome(raw.sqlite3_column_int64(statement, 0), createdAt,
                    LoggedContext.Categories(raw.sqlite3_column_blob(statement, 2)), raw.sqlite3_column_text(statement, 3).utf8_to_string(),
                    IsNull(statement, 4) ? null : raw.sqlite3_column_double(statement, 4), raw.sqlite3_column_int(statement, 5),
                    IsNull(statement, 6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(statement, 6)),
                    IsNull(statement, 7) ? null : raw.sqlite3_column_text(statement, 7).utf8_to_string()));
            }
            SqliteResults.Check(handle, step);
            return rows;
        }
    }

    private static async Task<List<SettledOutcome>> ReadCommandAsync(DbConnection connection, string loopId, long afterSeq,
        DateTimeOffset settledBefore, int size, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = DbCommands.ForEngine(connection, ReadSql);
        command.Parameters.Add(DbCommands.Parameter(connection, "$loop", loopId));
        command.Parameters.Add(DbCommands.Parameter(connection, "$after", afterSeq));
        command.Parameters.Add(DbCommands.Parameter(connection, "$size", size));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<SettledOutcome>();
        while (await reader.ReadAsync(ct))
        {
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
            if (createdAt >= settledBefore) break;
            rows.Add(new SettledOutcome(reader.GetInt64(0), createdAt, LoggedContext.Categories(reader.GetString(2)), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return rows;
    }

    private static bool IsNull(sqlite3_stmt statement, int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

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
