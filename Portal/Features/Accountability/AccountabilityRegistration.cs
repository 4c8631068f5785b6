using Portal.Features.Accountability.GoLive;

namespace Portal.Features.Accountability;

public static class AccountabilityRegistration
{
    /// <summary>Who answers for each loop, the data-handling statement its users read, and its go-live review.</summary>
    public static IHostApplicationBuilder AddAccountability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LoopOwners>();
        builder.Services.AddSingleton<DataHandlingStatements>();
        builder.Services.AddSingleton<GoLiveQueries>();
        builder.Services.AddSingleton<GoLiveReviews>();
        builder.Services.AddHostedService<MigratedReviewsAudit>();
        return builder;
    }
}
