using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.KeyRing;

namespace Portal.Infrastructure.Persistence;

public static class PersistenceRegistration
{
    /// <summary>
    /// SQLite in the data folder (or a PostgreSQL server: <c>Portal:Database</c>), one short-lived context per operation,
    /// migrations applied at start; the secret keys
    /// (audit chain, signed links) and ASP.NET's data-protection keys (cookies, antiforgery; see
    /// <see cref="KeyRingRegistration"/>) live in the database too, so sign-ins and links survive a restart and work on every node.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        builder.Services.AddSingleton<DatabaseEngine>(services =>
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? ActivatorUtilities.CreateInstance<PostgresEngine>(services)
                : ActivatorUtilities.CreateInstance<SqliteEngine>(services));
        builder.Services.AddSingleton<UrgentWrites>();
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        // Identity's stores take a scoped context.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.AddKeyRing();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}
