using Portal.Infrastructure.Configuration;

namespace Portal.Infrastructure.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// Redis for several nodes (<c>Portal:Redis</c>): the connection (made at start), the announcement of shared-state
    /// changes, and the sync that applies other nodes' changes. Without a configuration none of them does anything.
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RedisOptions>(RedisOptions.Section);
        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisConnection>());
        builder.Services.AddSingleton<SharedStateChanges>();
        builder.Services.AddSingleton<SharedStateSync>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SharedStateSync>());
        return builder;
    }
}
