using Portal.Features.Insights.Catalog;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Insights;

public static class InsightsRegistration
{
    /// <summary>Transparency and bias: the feature catalog (audit-only marks, display names, sensitive-name warnings).</summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<InsightsOptions>(InsightsOptions.Section);
        var services = builder.Services;
        services.AddSingleton<SensitiveFeatureNames>();
        services.AddSingleton<FeatureCatalogQueries>();
        services.AddSingleton<FeatureCatalogEditor>();
        services.AddSingleton<FeatureDisplayNames>();
        return builder;
    }
}
