namespace Portal.Features.Segments;

public static class SegmentsRegistration
{
    /// <summary>Saved segments (named predicates over context features), their editor's queries and the compiled catalog.</summary>
    public static IHostApplicationBuilder AddSegments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SegmentCatalog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SegmentCatalog>());
        builder.Services.AddSingleton<Infrastructure.Cluster.ISharedState>(services => services.GetRequiredService<SegmentCatalog>());
        builder.Services.AddSingleton<SegmentService>();
        builder.Services.AddSingleton<SegmentQueries>();
        builder.Services.AddSingleton<SegmentChoices>();
        return builder;
    }
}
