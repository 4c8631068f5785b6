using Portal.Infrastructure.Configuration;

namespace Portal.Infrastructure.Cluster;

public static class ClusterRegistration
{
    /// <summary>This node's identity and the trainer lease it competes for (after the database is ready: register after the migrator).</summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ClusterOptions>(ClusterOptions.Section);
        builder.Services.AddSingleton<LeaseTable>();
        builder.Services.AddSingleton<TrainerLease>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TrainerLease>());
        builder.Services.AddHealthChecks().AddCheck<TrainerLeaseHealthCheck>("trainer", tags: ["ready"]);
        return builder;
    }
}
