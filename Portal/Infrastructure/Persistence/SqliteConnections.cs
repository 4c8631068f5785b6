using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Persistence;

/// <summary>Builds the connection string and applies the per-connection pragmas every Portal connection needs.</summary>
public static class SqliteConnections
{
    /// <summary>Waiting for the single SQLite writer lock: long enough that a busy moment never reaches a client.</summary>
    public const int BusyTimeoutMs = 30_000;

    public static string ConnectionString(StorageOptions storage) => new SqliteConnectionStringBuilder
    {
        DataSource = storage.DatabasePath,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = BusyTimeoutMs / 1000,
    }.ToString();

    /// <summary>
    /// FULL: an acknowledged commit survives power loss (WAL + NORMAL could lose the last commits).
    /// busy_timeout: wait for the write lock instead of failing with "database is locked".
    /// </summary>
    public static readonly string PerConnectionPragmas =
        $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA foreign_keys=ON;";

    public static void ApplyPragmas(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnectionPragmas;
        command.ExecuteNonQuery();
    }

    public static async Task<SqliteConnection> OpenAsync(StorageOptions storage, CancellationToken ct)
    {
        var connection = new SqliteConnection(ConnectionString(storage));
        await connection.OpenAsync(ct);
        ApplyPragmas(connection);
        return connection;
    }
}
