using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A loop's decisions after a cursor, read in commit order on either engine: stepped through with SQLite's statement
/// API (<see cref="SqliteRows"/>), or with the provider's reader (<see cref="ReaderRow"/>). The trainer, the insights
/// aggregator and the manipulation watch read every decision this way while Rank runs.
/// </summary>
public static class LogRowReads
{
    /// <param name="sql">The query, with the parameters <c>$loop $after $take</c>.</param>
    public static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, string loopId, long afterSeq, int take, ILogRowMap<T> map,
        CancellationToken ct)
    {
        var read = new List<T>();
        if (connection is SqliteConnection sqlite)
        {
            using var rows = new SqliteRows(sqlite, sql).Bind("$loop", loopId).Bind("$after", afterSeq).Bind("$take", take);
            while (rows.Next() && map.Wants(rows)) read.Add(map.Map(rows));
            return read;
        }
        await using var command = DbCommands.Prepare(connection, sql, "$loop", "$after", "$take");
        DbCommands.Bind(command, loopId, afterSeq, take);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct) && map.Wants(new ReaderRow(reader))) read.Add(map.Map(new ReaderRow(reader)));
        return read;
    }
}
