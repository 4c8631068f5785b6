using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Features.Privacy.Public;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy;

public static class PrivacyRegistration
{
    /// <summary>
    /// Opt-out of personalization (the registry Rank consults, the API and the public page that fill it) and data-subject
    /// requests (find, export, erase; the features that keep contexts register their <see cref="IPersonalData"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PrivacyOptions>(PrivacyOptions.Section);
        builder.Services.AddSingleton<UserIds>().AddSecretKey(UserIds.KeyName);
        builder.Services.AddSingleton<OptOutRegistry>();
        builder.Services.AddSingleton<Infrastructure.Cluster.ISharedState>(services => services.GetRequiredService<OptOutRegistry>());
        builder.Services.AddSingleton<Infrastructure.Cluster.ISharedState>(services => new OptOutRegistry.Removals(services.GetRequiredService<OptOutRegistry>()));
        builder.Services.AddSingleton<ContextUserIds>();
        builder.Services.AddSingleton<Accountability.GoLive.IOptOutTraffic, OptOutTrafficQuery>();
        builder.Services.AddSingleton<OptOutCheck>();
        builder.Services.AddHostedService<OptOutStartup>();
        builder.Services.AddSingleton<SelfServiceOptOut>();
        builder.Services.AddSingleton<DataSubjects>();
        builder.Services.AddSingleton<SubjectAudit>();
        builder.Services.AddSingleton<SubjectSearch>();
        builder.Services.AddSingleton<SubjectExport>();
        builder.Services.AddSingleton<SubjectErasure>();
        builder.Services.AddSingleton<PendingErasures>();
        builder.Services.AddSingleton<BackgroundErasures>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BackgroundErasures>());
        builder.Services.AddHealthChecks().AddCheck<GivenUpErasuresHealthCheck>(GivenUpErasuresHealthCheck.Name, tags: ["ready"]);
        builder.Services.AddAuthentication().AddLoopKeyOrToken();
        // Only posts count: reading the page is free; a script cannot flip someone's choice back and forth in bulk.
        builder.Services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(OptOutPage.RateLimitPolicy, http =>
            PublicFormRateLimiting.PostsPerAddress(http, OptOutPage.RateLimitPolicy, http.RequestServices.GetRequiredService<IOptions<PrivacyOptions>>().Value.OptOutPostsPerMinute)));
        return builder;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app) => app.MapOptOutApi().MapSubjectRequestsApi().MapPendingErasuresApi();
}

/// <summary>Loads the registry before traffic starts, so no opted-out user is personalized after a restart.</summary>
public sealed class OptOutStartup(OptOutRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => registry.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
