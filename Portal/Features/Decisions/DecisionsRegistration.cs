using Portal.Infrastructure.Security;
using Portal.Contracts.DecisionLog;
using Portal.Features.Decisions.Feed;
using Portal.Features.Decisions.Log;
using Portal.Features.Decisions.Retention;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Decisions;

public static class DecisionsRegistration
{
    /// <summary>Rank, Reward and Activate, the decision log writer behind them, and the log's retention.</summary>
    public static IHostApplicationBuilder AddDecisions(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DecisionLogOptions>(DecisionLogOptions.Section);
        builder.Services.AddSingleton<DecisionLogWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DecisionLogWriter>());
        builder.Services.AddSingleton<ActionCatalogTracker>();
        builder.Services.AddSingleton<RankService>();
        builder.Services.AddSingleton<LoopCallLimits>();
        builder.Services.AddSingleton<RewardService>();
        builder.Services.AddSingleton<RewardSources>().AddSecretKey(RewardSources.KeyName);
        builder.Services.AddSingleton<DecisionFeed>();
        builder.Services.AddHostedService<Feed.FeedRelay>(); // the stream across nodes, when Redis is configured
        builder.Services.AddSingleton<DecisionSamples>(); // the logged requests read back, for the previews of other features
        builder.Services.AddSingleton<LoopLogDeletion>();
        builder.Services.AddSingleton<IPersonalData, SubjectDecisions>();
        builder.AddValidatedOptions<LogRetentionOptions>(LogRetentionOptions.Section);
        builder.Services.AddSingleton<ExpiredDecisions>();
        builder.Services.AddSingleton<RetentionPurge>();
        builder.Services.AddHostedService<RetentionSchedule>();
        builder.Services.AddHealthChecks().AddCheck<DecisionLogHealthCheck>("decision-log", tags: ["ready"]);
        return builder;
    }
}
