using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Insights.Catalog;
using Portal.Features.Learning;
using Portal.Features.PublicPages;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.PublicPages;

/// <summary>The public "Why this suggestion?" page, through HTTP as a browser without JavaScript gets it.</summary>
public sealed class WhyPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Carla = TestActors.Person("carla-id", "carla@test.local", PortalRoles.ComplianceReviewer);

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_link_explains_the_choice_with_the_top_three_factors_in_display_names_and_never_shows_audit_only_values()
    {
        var (loopId, token) = await ExplainedDecisionAsync(explored: false);

        var response = await factory.CreateClient().GetAsync($"/why/{token}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Why you were shown “Sleep better guide”", html);
        Assert.Contains("<li>Your interest in sports, together with topic of this suggestion: sports</li>", html);
        Assert.Contains("<li>Your device: mobile</li>", html);
        Assert.Contains("<li>Time time of day: morning</li>", html);
        Assert.DoesNotContain("country", Factors(html), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Recorded but not used to choose: User age band", html);
        Assert.DoesNotContain("65+", html);
        Assert.Contains($"href=\"/feedback?d={token}\"", html);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.DoesNotContain("data-testid=\"interactive\"", html);
        _ = loopId;
    }

    [Fact]
    public async Task An_explored_choice_says_the_system_was_trying_something_new_and_lists_no_factors()
    {
        var (_, token) = await ExplainedDecisionAsync(explored: true);

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/why/{token}"));

        Assert.Contains("the system was trying something new", html);
        Assert.DoesNotContain("What mattered most", html);
        Assert.Contains("Your device", html);
    }

    [Fact]
    public async Task A_tampered_expired_or_unknown_link_gets_the_same_plain_404()
    {
        var (loopId, token) = await ExplainedDecisionAsync(explored: false);
        var tokens = Service<DecisionLinkTokens>();
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var expired = tokens.Create(loopId, "no-longer", DateTimeOffset.UtcNow.AddSeconds(-5));
        var unknown = tokens.Create(loopId, "never-ranked", DateTimeOffset.UtcNow.AddDays(1));
        var client = factory.CreateClient();

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var link in new[] { tampered, expired, unknown, "not-a-token" })
        {
            var response = await client.GetAsync($"/why/{link}");
            answers.Add((response.StatusCode, (await response.Content.ReadAsStringAsync()).Replace(link, "")));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Contains("This page is not available", answers[0].Body);
        Assert.DoesNotContain("Sleep better guide", answers[0].Body);
    }

    [Fact]
    public async Task The_why_url_of_a_rank_response_opens_the_page_of_that_decision_without_login()
    {
        var (_, api) = await factory.CreateLoopAsync();
        var rank = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)))).ReadJsonAsync();
        var url = new Uri(rank.GetProperty("whyUrl").GetString()!);

        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Why you were shown “{rank.GetProperty("rewardActionId").GetString()}”", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string Factors(string html)
    {
        var start = html.IndexOf("data-testid=\"why-factors\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
    }

    /// <summary>A logged decision with a known context and explanation, the age band audit-only, features and the item named.</summary>
    private async Task<(string LoopId, string Token)> ExplainedDecisionAsync(bool explored)
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var editor = Service<FeatureCatalogEditor>();
        await editor.SetAuditOnlyAsync(loopId, "user.ageBand", true, "Fairness", Carla, CancellationToken.None);
        await editor.RenameAsync(loopId, "interests.sports", "Your interest in sports", Carla, CancellationToken.None);
        await editor.RenameAsync(loopId, "article.topic", "Topic", Carla, CancellationToken.None);
        await editor.RenameAsync(loopId, "user.device", "Your device", Carla, CancellationToken.None);
        var decision = Decision(loopId, DateTimeOffset.UtcNow.AddMinutes(-1), "65+", "sleep-better-guide", null,
        [
            new FeatureContribution("interests.sports × article.topic=sports", 0.5),
            new FeatureContribution("user.ageBand=65+", 0.45),
            new FeatureContribution("(constant)", 0.3),
            new FeatureContribution("user.device=mobile", 0.2),
            new FeatureContribution("time.timeOfDay=morning", 0.1),
            new FeatureContribution("user.country=DE", -0.6),
        ], explored: explored);
        decision.RequestJson = """
            {"contextFeatures":[{"user":{"ageBand":"65+","device":"mobile","country":"DE"},"interests":{"sports":true},"time":{"timeOfDay":"morning"}}],
             "actions":[{"id":"sleep-better-guide","features":[{"article":{"topic":"health"}}]}]}
            """;
        await SeedAsync(factory.Services, decision);
        await using (var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.LoopActions.Add(new LoopAction { LoopId = loopId, ActionId = "sleep-better-guide", DisplayName = "Sleep better guide", FeaturesJson = "[]" });
            await db.SaveChangesAsync();
        }
        Service<FeatureDisplayNames>().Forget(loopId);
        return (loopId, Service<WhyLinks>().TokenFor(loopId, decision.EventId));
    }
}
