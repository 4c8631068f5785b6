using System.Buffers;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Integrity.Detection;

/// <summary>Reads a loop's settled decisions (older than its reward wait) in commit order, as the detectors fold them.</summary>
public sealed class SettledOutcomes(IDbContextFactory<PortalDbContext> dbFactory)
{
    // Every settled decision passes here (the watch keeps up with Rank): read with a plain command, so that on SQLite a
    // request's context is read from its stored UTF-8 bytes, without a string of the whole request (≈ 4 KB) per row.
    private const string ReadSql = """
        SELECT Seq, CreatedAt, RequestJson, ChosenActionId, Reward, RewardCount, RewardedAt, RewardSource
        FROM Decisions WHERE LoopId = $loop AND Seq > $after ORDER BY Seq LIMIT $size
        """;

    public async Task<List<SettledOutcome>> ReadAsync(string loopId, long afterSeq, DateTimeOffset settledBefore, int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = DbCommands.ForEngine(connection, ReadSql);
        command.Parameters.Add(DbCommands.Parameter(connection, "$loop", loopId));
        command.Parameters.Add(DbCommands.Parameter(connection, "$after", afterSeq));
        command.Parameters.Add(DbCommands.Parameter(connection, "$size", size));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var utf8 = !DbCommands.IsPostgres(connection);
        var rows = new List<SettledOutcome>();
        while (await reader.ReadAsync(ct))
        {
            // Commit order is creation order: everything from the first unsettled decision on waits for the next pass.
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
            if (createdAt >= settledBefore) break;
            rows.Add(new SettledOutcome(reader.GetInt64(0), createdAt, ContextValues(reader, 2, utf8), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return rows;
    }

    /// <summary>The request's context values: from its bytes on SQLite (which hands out a text's UTF-8), from the string elsewhere.</summary>
    private static List<(string Feature, string Value)> ContextValues(DbDataReader reader, int ordinal, bool utf8)
    {
        if (!utf8) return LoggedContext.Categories(reader.GetString(ordinal));
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = (int)reader.GetBytes(ordinal, 0, buffer, 0, length);
            return LoggedContext.Categories(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
