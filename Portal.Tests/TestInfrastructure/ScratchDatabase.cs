using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Portal's schema in a SQLite file of its own, for services tested without the app (deleted on dispose).</summary>
public sealed class ScratchDatabase : IDbContextFactory<PortalDbContext>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-scratch-").FullName;
    private readonly DbContextOptions<PortalDbContext> options;

    public ScratchDatabase()
    {
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "portal.db")};Default Timeout=10")
            .UseApplicationServiceProvider(Identity).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public PortalDbContext CreateDbContext() => new(options);

    // The schema version of Identity's tables, as the app configures it (the model depends on it).
    private static readonly IServiceProvider Identity = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
