using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Ready only while the database answers a query and the storage takes writes: after a writer's batch was refused
/// (disk full, read-only) readiness stays unhealthy until a writer commits again. No probe write of its own: a page
/// rewritten in the WAL's spare room succeeds on a disk that still refuses every Rank.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> dbFactory, StorageHealth storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("The database cannot be reached.");
        return storage.Fault is { } fault
            ? HealthCheckResult.Unhealthy($"{StorageFault.Describe(fault.Kind)} since {fault.Since:u}: Rank, Reward and posts answer 503 until a write succeeds again ({fault.Detail}).")
            : HealthCheckResult.Healthy();
    }
}
