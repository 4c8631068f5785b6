using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Features.CommunityReview.Judgements;
using Portal.Features.CommunityReview.Links;
using Portal.Features.CommunityReview.Panels;
using Portal.Features.CommunityReview.Public;
using Portal.Features.CommunityReview.Results;
using Portal.Features.CommunityReview.Sampling;
using Portal.Features.Insights.Contributed;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Security;

namespace Portal.Features.CommunityReview;

public static class CommunityReviewRegistration
{
    /// <summary>
    /// Community review panels: a compliance reviewer draws a stratified, anonymized sample of a loop's recent decisions and
    /// invites reviewers by link; their judgements open tickets when needed and show on the panel page, the bias page and
    /// the compliance report.
    /// </summary>
    public static IHostApplicationBuilder AddCommunityReview(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<CommunityReviewOptions>(CommunityReviewOptions.Section);
        var services = builder.Services;
        services.AddSingleton<ReviewLinkTokens>().AddSecretKey(ReviewLinkTokens.KeyName);
        services.AddSingleton<ReviewLinks>();
        services.AddSingleton<PanelSampler>();
        services.AddSingleton<PanelService>();
        services.AddSingleton<PanelQueries>();
        services.AddSingleton<ReviewerAccess>();
        services.AddSingleton<PanelTickets>();
        services.AddSingleton<JudgementRecorder>();
        services.AddSingleton<PanelResultsQueries>();
        services.AddSingleton<Privacy.Requests.IPersonalData, SubjectPanelItems>();
        services.AddSingleton<PanelItemsOfLog>();
        services.AddSingleton<Decisions.Retention.IExpiringData>(provider => provider.GetRequiredService<PanelItemsOfLog>());
        services.AddSingleton<Decisions.Log.ILogDerivedData>(provider => provider.GetRequiredService<PanelItemsOfLog>());
        services.AddSingleton<Privacy.IForgetOnOptOut>(provider => provider.GetRequiredService<PanelItemsOfLog>());
        services.AddInsightsFigures<PanelBiasFigures>();
        services.AddInsightsFigures<PanelReportFigures>();
        // Only posts count: reading the page is free.
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(ReviewerPage.RateLimitPolicy, http =>
            PublicFormRateLimiting.PostsPerAddress(http, ReviewerPage.RateLimitPolicy, http.RequestServices.GetRequiredService<IOptions<CommunityReviewOptions>>().Value.JudgementPostsPerMinute)));
        return builder;
    }

    public static IEndpointRouteBuilder MapCommunityReview(this IEndpointRouteBuilder app) => app.MapReviewPanelsApi();
}
