using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Ready only while the database answers a query and the storage takes writes. After a writer reported a refused batch
/// (disk full, read-only) each check tries one small write itself: without it a Portal taken out of rotation would get
/// no writes, and so never learn that space has returned.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> dbFactory, StorageHealth storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("The database cannot be reached.");
        if (storage.Fault is not { } fault) return HealthCheckResult.Healthy();
        try
        {
            await ProbeWriteAsync(db, cancellationToken);
            storage.Clear();
            return HealthCheckResult.Healthy("The storage takes writes again.");
        }
        catch (SqliteException error) when (StorageFault.KindOf(error) is not null)
        {
            return HealthCheckResult.Unhealthy(
                $"{StorageFault.Describe(fault.Kind)} since {fault.Since:u}: Rank, Reward and posts answer 503 until it takes writes again ({error.Message}).");
        }
    }

    /// <summary>Rewrites the header's user_version (unused by EF Core) with its own value: one page through the WAL, one commit.</summary>
    private static async Task ProbeWriteAsync(PortalDbContext db, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        // A pragma takes no parameters; the value is the integer just read, not outside text.
        command.CommandText = "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
