using Portal.Infrastructure.Configuration;

namespace Portal.Features.PublicPages;

public static class PublicPagesRegistration
{
    /// <summary>The pages end users reach without an account, and the signed links that open them.</summary>
    public static IHostApplicationBuilder AddPublicPages(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PublicPagesOptions>(PublicPagesOptions.Section);
        builder.Services.AddSingleton<DecisionLinkTokens>();
        builder.Services.AddSingleton<WhyLinks>();
        return builder;
    }
}
