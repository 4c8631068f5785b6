using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Configuration;

namespace Portal.Infrastructure.Persistence;

public static class PersistenceRegistration
{
    /// <summary>SQLite in the data folder, one short-lived context per operation, migrations applied at start.</summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        builder.Services.AddDbContextFactory<PortalDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.UseSqlite(SqliteConnections.ConnectionString(storage))
                .AddInterceptors(services.GetRequiredService<SqlitePragmaInterceptor>());
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}
