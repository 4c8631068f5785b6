using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Runs first at start-up: creates the data folder, prepares the database (SQLite: WAL mode, a setting that persists in
/// the file) and applies pending migrations, before any other service touches the database. A database that cannot be
/// reached stops the start with one line naming the setting (<see cref="DatabaseUnreachableException"/>).
/// </summary>
public sealed class DatabaseMigrator(IOptions<StorageOptions> storage, DatabaseEngine engine, IDbContextFactory<PortalDbContext> dbFactory,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storage.Value.FullDataDirectory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await engine.PrepareAsync(db, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception error) when (engine.Provider == DatabaseProvider.Postgres && error is not OperationCanceledException)
        {
            throw new DatabaseUnreachableException(engine.Location, error);
        }
        // Only when something is pending: migrating takes a lock by writing a row, which a read-only database refuses,
        // and an up-to-date Portal must still start there (reads work, writes answer 503 until the disk takes them).
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) await db.Database.MigrateAsync(cancellationToken);
        await engine.AfterMigrationsAsync(db, cancellationToken);
        logger.LogInformation("Database ready: {Location}", engine.Location);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
