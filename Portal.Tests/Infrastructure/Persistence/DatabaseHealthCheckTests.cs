using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Persistence;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Persistence;

public sealed class DatabaseHealthCheckTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task After_a_refused_write_readiness_is_unhealthy_while_the_storage_refuses_its_probe_and_healthy_once_it_takes_it()
    {
        var storage = new StorageHealth(TimeProvider.System);
        storage.Report(new SqliteException("database or disk is full", 13));

        var refused = await new DatabaseHealthCheck(Contexts(readOnly: true), storage).CheckHealthAsync(new HealthCheckContext());
        var faultMeanwhile = storage.Fault;
        var accepted = await new DatabaseHealthCheck(Contexts(readOnly: false), storage).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, refused.Status);
        Assert.StartsWith("Portal's storage is full since ", refused.Description);
        Assert.Equal(StorageFaultKind.Full, faultMeanwhile?.Kind);
        Assert.Equal(HealthStatus.Healthy, accepted.Status);
        Assert.Null(storage.Fault);
    }

    [Fact]
    public async Task A_refused_write_is_cleared_by_the_readiness_probe_once_the_disk_takes_writes()
    {
        var storage = factory.Services.GetRequiredService<StorageHealth>();
        storage.Report(new SqliteException("attempt to write a readonly database", 8));
        using var client = factory.CreateClient();

        // This test disk takes writes: the probe succeeds and ends the spell.
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Null(storage.Fault);
    }

    /// <summary>Contexts on the test database; read-only ones as if the file system had turned read-only (SQLITE_READONLY on write).</summary>
    private IDbContextFactory<PortalDbContext> Contexts(bool readOnly)
    {
        var path = factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        // Not pooled: a read-only connection must not go back to the pool the app shares.
        var connection = new SqliteConnectionStringBuilder(SqliteConnections.ConnectionString(path)) { Pooling = !readOnly };
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection.ToString());
        if (readOnly) options.AddInterceptors(new QueryOnly());
        return new PooledDbContextFactory<PortalDbContext>(options.Options);
    }

    private sealed class QueryOnly : DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA query_only = 1";
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        }
    }
}
