using Microsoft.Data.Sqlite;
using Portal.Features.Decisions.Retention;

namespace Portal.Benchmarks.Retention;

/// <summary>Read-only looks into the server's <c>portal.db</c>: the purge's audit entry, and which decisions are left.</summary>
public sealed class RetainedRows(string databasePath, string loopId)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        // Never Create: a missing database must fail the run, not be made empty. Nothing here writes.
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>The rows removed per kind (JSON) of the loop's latest retention audit entry; null while there is none.</summary>
    public async Task<string?> PurgeAuditAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Before FROM AuditEntries WHERE Action = $action AND LoopId = $loop ORDER BY Seq DESC LIMIT 1";
        command.Parameters.AddWithValue("$action", RetentionPurge.AuditAction);
        command.Parameters.AddWithValue("$loop", loopId);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>The loop's decisions whose eventId starts with <paramref name="prefix"/> (by the (LoopId, EventId) index).</summary>
    public Task<long> WithPrefixAsync(string prefix) => CountAsync(
        "SELECT COUNT(*) FROM Decisions WHERE LoopId = $loop AND EventId >= $from AND EventId < $to",
        ("$from", prefix), ("$to", prefix[..^1] + (char)(prefix[^1] + 1)));

    public Task<long> OlderThanAsync(DateTimeOffset cutoff) => CountAsync(
        "SELECT COUNT(*) FROM Decisions WHERE LoopId = $loop AND CreatedAt < $cutoff", ("$cutoff", cutoff.ToUnixTimeMilliseconds()));

    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$loop", loopId);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
