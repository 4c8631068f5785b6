using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Data;
using Portal.Data.Postgres;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL server that several Portal nodes share. Every connection commits with synchronous_commit on (the
/// server's default, set here so a server configured otherwise cannot make an acknowledged write losable).
/// </summary>
public sealed class PostgresEngine(IOptions<DatabaseOptions> database, ILoggerFactory loggers, IServiceProvider services) : DatabaseEngine, IDisposable
{
    private readonly Lazy<NpgsqlDataSource> dataSource = new(() =>
    {
        var connection = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString);
        // Every connection, EF Core's and the writers', commits durably whatever the server's default.
        // The hot statements (the log writer's, the intake's) are prepared on the server after their second use.
        if (connection.MaxAutoPrepare == 0) connection.MaxAutoPrepare = 64;
        connection.Options = string.Join(' ', new[] { connection.Options, "-c synchronous_commit=on" }.Where(o => !string.IsNullOrEmpty(o)));
        return new NpgsqlDataSourceBuilder(connection.ConnectionString).UseLoggerFactory(loggers).Build();
    });

    private DbContextOptions<PostgresPortalDbContext> ContextOptions => contextOptions ??= new DbContextOptionsBuilder<PostgresPortalDbContext>()
        .UseNpgsql(dataSource.Value)
        .UseLoggerFactory(loggers)
        // Identity reads its options (the schema version) from the application's services while it builds the model.
        .UseApplicationServiceProvider(services)
        .Options;

    private DbContextOptions<PostgresPortalDbContext>? contextOptions;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string Location
    {
        get
        {
            var connection = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString);
            return $"PostgreSQL at {connection.Host}:{connection.Port}/{connection.Database}";
        }
    }

    public override PortalDbContext CreateContext() => new PostgresPortalDbContext(ContextOptions);

    public override async Task<DbConnection> OpenWriterConnectionAsync(CancellationToken ct) => await dataSource.Value.OpenConnectionAsync(ct);

    public override DbTransaction BeginWriteTransaction(DbConnection connection) => ((NpgsqlConnection)connection).BeginTransaction();

    /// <summary>Disposing the failed transaction rolled it back; a broken connection has no transaction left.</summary>
    public override void EndFailedTransaction(DbConnection connection, ILogger logger)
    {
    }

    /// <summary>A connection that lost its server is broken; the pool drops it, and the next one connects afresh.</summary>
    public override void Discard(DbConnection connection)
    {
    }

    public override Task PrepareAsync(PortalDbContext db, CancellationToken ct) => Task.CompletedTask;

    public void Dispose()
    {
        if (dataSource.IsValueCreated) dataSource.Value.Dispose();
    }

    /// <summary>The audit log is append-only: the database itself refuses to change or remove an entry (as on SQLite).</summary>
    public override async Task AfterMigrationsAsync(PortalDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""
            CREATE OR REPLACE FUNCTION auditentries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'The audit log is append-only: entries cannot be %.', CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END;
            END $$;
            CREATE OR REPLACE TRIGGER auditentries_noupdate BEFORE UPDATE ON auditentries FOR EACH ROW EXECUTE FUNCTION auditentries_append_only();
            CREATE OR REPLACE TRIGGER auditentries_nodelete BEFORE DELETE ON auditentries FOR EACH ROW EXECUTE FUNCTION auditentries_append_only();
            """, ct);
    }
}
