using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure.Persistence;

/// <summary>SQLite in the data folder: WAL, synchronous FULL, one writer (see <see cref="SqliteConnections"/>).</summary>
public sealed class SqliteEngine(IOptions<StorageOptions> storage, SqlitePragmaInterceptor pragmas, ILoggerFactory loggers, IServiceProvider services) : DatabaseEngine
{
    private readonly Lazy<DbContextOptions<PortalDbContext>> options = new(() => new DbContextOptionsBuilder<PortalDbContext>()
        .UseSqlite(SqliteConnections.ConnectionString(storage.Value))
        .AddInterceptors(pragmas)
        .UseLoggerFactory(loggers)
        // Identity reads its options (the schema version) from the application's services while it builds the model.
        .UseApplicationServiceProvider(services)
        .Options);

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string Location => "SQLite at " + storage.Value.DatabasePath;

    public override PortalDbContext CreateContext() => new(options.Value);

    public override async Task<DbConnection> OpenWriterConnectionAsync(CancellationToken ct) => await SqliteConnections.OpenAsync(storage.Value, ct);

    public override DbTransaction BeginWriteTransaction(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <summary>
    /// After a full disk or an I/O error SQLite may keep the transaction open (a failed COMMIT does) or may already have
    /// rolled it back (and then Microsoft.Data.Sqlite's own ROLLBACK threw "no transaction is active").
    /// </summary>
    public override void EndFailedTransaction(DbConnection connection, ILogger logger)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(((SqliteConnection)connection).Handle) != 0) return;
        try
        {
            using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
        catch (SqliteException error)
        {
            logger.LogWarning(error, "Rolling back a failed batch reported an error");
        }
    }

    /// <summary>A connection opened while the file system was read-only stays read-only: the pool would hand the same handle back.</summary>
    public override void Discard(DbConnection connection) => SqliteConnection.ClearPool((SqliteConnection)connection);

    public override async Task PrepareAsync(PortalDbContext db, CancellationToken ct)
    {
        Directory.CreateDirectory(storage.Value.FullDataDirectory);
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
