using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Catalog;
using Portal.Features.Insights.Drift;
using Portal.Features.Insights.Report;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Insights;

public static class InsightsRegistration
{
    /// <summary>
    /// Transparency and bias: the feature catalog (audit-only marks, display names, sensitive-name warnings) and the
    /// incremental per-segment analytics behind the bias page and the compliance report.
    /// </summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<InsightsOptions>(InsightsOptions.Section);
        var services = builder.Services;
        services.AddSingleton<SensitiveFeatureNames>();
        services.AddSingleton<FeatureCatalogQueries>();
        services.AddSingleton<FeatureCatalogEditor>();
        services.AddSingleton<FeatureDisplayNames>();
        services.AddSingleton<AggregateStore>();
        services.AddSingleton<AggregatesOfLog>();
        services.AddSingleton<Decisions.Log.ILogDerivedData>(provider => provider.GetRequiredService<AggregatesOfLog>());
        services.AddSingleton<Decisions.Retention.IExpiringData>(provider => provider.GetRequiredService<AggregatesOfLog>());
        services.AddSingleton<InsightAggregator>();
        services.AddHostedService(provider => provider.GetRequiredService<InsightAggregator>());
        services.AddSingleton<BiasQueries>();
        services.AddSingleton<BiasReportBuilder>();
        services.AddSingleton<ComprehensionRates>();
        services.AddSingleton<BiasChoices>();
        services.AddSingleton<DriftQueries>();
        services.AddSingleton<SignOffQueries>();
        services.AddSingleton<ComplianceReportBuilder>();
        services.AddSingleton<ReportRenderer>();
        services.AddSingleton<ReportSignOffService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app) => app.MapComplianceReportApi();
}
