using Portal.Infrastructure.Configuration;

namespace Portal.Infrastructure.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// What several nodes share (register after the database, whose migrator must run first): this node's identity and
    /// the trainer lease it competes for; Redis (<c>Portal:Redis</c>): the connection (made at start), the announcement
    /// of shared-state changes, and the sync that applies other nodes' changes. Without a Redis configuration the Redis
    /// parts do nothing, and a single node simply holds the lease.
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ClusterOptions>(ClusterOptions.Section);
        builder.Services.AddSingleton<LeaseTable>();
        builder.Services.AddSingleton<TrainerLease>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TrainerLease>());
        builder.Services.AddHealthChecks().AddCheck<TrainerLeaseHealthCheck>("trainer", tags: ["ready"]);

        builder.AddValidatedOptions<RedisOptions>(RedisOptions.Section);
        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisConnection>());
        builder.Services.AddSingleton<SharedStateChanges>();
        builder.Services.AddSingleton<SharedStateSync>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SharedStateSync>());
        return builder;
    }
}
