using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Loops;

public static class LoopsRegistration
{
    /// <summary>Loops, their keys and settings, the directory Rank reads, and the demo loop.</summary>
    public static IHostApplicationBuilder AddLoops(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DemoLoopOptions>(DemoLoopOptions.Section);
        builder.Services.AddSingleton<LoopDirectory>();
        builder.Services.AddSingleton<Infrastructure.Cluster.ISharedState>(services => services.GetRequiredService<LoopDirectory>());
        builder.Services.AddSingleton<LoopProvisioning>();
        builder.Services.AddSingleton<LoopSettingsService>();
        builder.Services.AddSingleton<LoopQueries>();
        builder.Services.AddSingleton<ActionCatalogEditor>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, LoopKeyAuthenticationHandler>(LoopKeyAuthenticationHandler.SchemeName, null);
        builder.Services.Configure<AuthorizationOptions>(LoopClient.AddPolicy);
        builder.Services.AddTransient<IPolicyEvaluator, LoopKeyPolicyEvaluator>();
        builder.Services.AddHostedService<LoopStartup>();
        return builder;
    }
}
