using Portal.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Features.PublicPages.DataHandling;
using Portal.Features.PublicPages.Why;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.PublicPages;

public static class PublicPagesRegistration
{
    /// <summary>The pages end users reach without an account ("Why this suggestion?"), and the signed links that open them.</summary>
    public static IHostApplicationBuilder AddPublicPages(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PublicPagesOptions>(PublicPagesOptions.Section);
        builder.Services.AddSingleton<DecisionLinkTokens>().AddSecretKey(DecisionLinkTokens.KeyName);
        builder.Services.AddSingleton<WhyLinks>();
        builder.Services.AddSingleton<Decisions.IDecisionLinks>(services => services.GetRequiredService<WhyLinks>());
        builder.Services.AddSingleton<WhyExplanations>();
        builder.Services.AddSingleton<WhyPageRateLimit>();
        builder.Services.AddSingleton<AnswerGlobalLimit>();
        builder.Services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.AddPolicy<string, WhyPageRateLimit>(WhyPageRateLimit.Policy);
            limiter.AddPolicy<string, AnswerPostLimit>(AnswerPostLimit.Policy);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app) => app.MapWhyPage().MapDataHandlingPage();
}
