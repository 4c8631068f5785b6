namespace Portal.Features.Oversight;

public static class OversightRegistration
{
    /// <summary>The control state Rank reads, and the services people change it through: freezes, switches, modes, rules, reviews; and the go-live gate.</summary>
    public static IHostApplicationBuilder AddOversight(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ControlState>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ControlState>());
        builder.Services.AddSingleton<Accountability.GoLive.IGoLiveGate>(services => services.GetRequiredService<ControlState>());
        builder.Services.AddSingleton<Infrastructure.Cluster.ISharedState>(services => services.GetRequiredService<ControlState>());
        builder.Services.AddHostedService<OversightExpiry>();
        builder.Services.AddSingleton<FreezeService>();
        builder.Services.AddSingleton<LoopControlService>();
        builder.Services.AddSingleton<RuleService>();
        builder.Services.AddSingleton<RuleImpact>();
        builder.Services.AddSingleton<DecisionReviewService>();
        builder.Services.AddSingleton<Controls.LoopControlQueries>();
        builder.Services.AddSingleton<Review.DecisionQueries>();
        builder.Services.AddSingleton<Review.DecisionReviewQueries>();
        builder.Services.AddSingleton<Rules.RuleQueries>();
        return builder;
    }
}
