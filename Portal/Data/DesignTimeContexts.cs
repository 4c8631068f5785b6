using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Data.Postgres;

namespace Portal.Data;

/// <summary>
/// What <c>dotnet ef migrations add</c> builds for each provider, without starting Portal: migrations are generated from
/// the model alone, so no database is opened and the connection strings are placeholders. Identity reads its schema
/// version from the application's services while it builds the model: the same version as Accounts configures.
/// </summary>
public sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(DesignTimeServices.Identity).Options);
}

/// <inheritdoc cref="SqliteDesignTimeContext"/>
public sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=portal")
            .UseApplicationServiceProvider(DesignTimeServices.Identity).Options);
}

internal static class DesignTimeServices
{
    public static readonly IServiceProvider Identity = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
