using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Runs first at start-up: creates the data folder, switches the database to WAL (a setting that persists in the
/// file) and applies pending migrations, before any other service touches the database.
/// </summary>
public sealed class DatabaseMigrator(IOptions<StorageOptions> storage, IDbContextFactory<PortalDbContext> dbFactory, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storage.Value.FullDataDirectory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        // Only when something is pending: migrating takes a lock by writing a row, which a read-only database refuses,
        // and an up-to-date Portal must still start there (reads work, writes answer 503 until the disk takes them).
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database ready at {Path}", storage.Value.DatabasePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
