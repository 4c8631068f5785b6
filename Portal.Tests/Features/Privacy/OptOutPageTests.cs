using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Privacy;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy;

/// <summary>The public opt-out page an end user reaches from "Why this suggestion?": server-rendered, antiforgery, rate limited.</summary>
public sealed class OptOutPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task An_end_user_opts_out_from_the_link_of_a_suggestion_and_later_suggestions_are_not_personalized()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var why = await RankAsync(api, "reader-1");
        var browser = factory.Browser("203.0.113.31");

        var whyPage = await browser.GetStringAsync(PathOf(why));
        Assert.Contains("data-testid=\"why-opt-out\"", whyPage);
        var page = OptOutPath(why);
        Assert.Contains("Stop personalizing suggestions for me", await browser.GetStringAsync(page));

        var posted = await PostAsync(browser, page, "opt-out");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"opt-out-done\"", await posted.Content.ReadAsStringAsync());
        Assert.NotNull(factory.Services.GetRequiredService<OptOutRegistry>().OptedOutAt(loopId, "reader-1"));
        Assert.Equal("false", (await RankJsonAsync(api, "reader-1"))["personalized"]!.ToJsonString());
        Assert.Contains("data-testid=\"opt-in\"", await browser.GetStringAsync(page));
    }

    [Fact]
    public async Task Turning_personalization_back_on_from_the_same_link_removes_the_opt_out()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var why = await RankAsync(api, "reader-2");
        var browser = factory.Browser("203.0.113.32");
        await PostAsync(browser, OptOutPath(why), "opt-out");

        var back = await PostAsync(browser, OptOutPath(why), "opt-in");

        Assert.Contains("on again", await back.Content.ReadAsStringAsync());
        Assert.Null(factory.Services.GetRequiredService<OptOutRegistry>().OptedOutAt(loopId, "reader-2"));
        Assert.Equal("true", (await RankJsonAsync(api, "reader-2"))["personalized"]!.ToJsonString());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var why = await RankAsync(api, "reader-3");
        var browser = factory.Browser("203.0.113.33");

        var forged = await browser.PostAsync(OptOutPath(why), new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "opt-out" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(factory.Services.GetRequiredService<OptOutRegistry>().OptedOutAt(loopId, "reader-3"));
    }

    [Fact]
    public async Task A_suggestion_whose_app_sent_no_user_id_says_so_and_offers_no_button()
    {
        var (_, api) = await factory.CreateLoopAsync();
        var rank = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()))).ReadJsonAsync();

        var page = await factory.Browser("203.0.113.34").GetStringAsync(OptOutPath(rank.GetProperty("whyUrl").GetString()!));

        Assert.Contains("data-testid=\"opt-out-unavailable\"", page);
        Assert.DoesNotContain("data-testid=\"opt-out\"", page);
    }

    [Fact]
    public async Task A_wrong_link_gets_404_and_the_same_plain_page()
    {
        var response = await factory.Browser("203.0.113.35").GetAsync("/privacy/opt-out?d=not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page is not available", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Posts_beyond_the_limit_per_address_get_429_with_retry_after()
    {
        var (_, api) = await factory.CreateLoopAsync();
        var why = await RankAsync(api, "reader-5");
        var browser = factory.Browser("203.0.113.36");
        var limit = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrivacyOptions>>().Value.OptOutPostsPerMinute;

        HttpResponseMessage last = null!;
        for (var i = 0; i <= limit; i++) last = await PostAsync(browser, OptOutPath(why), i % 2 == 0 ? "opt-out" : "opt-in");

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string form)
    {
        var token = await browser.AntiforgeryTokenAsync(page);
        return await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static string PathOf(string whyUrl) => new Uri(whyUrl).PathAndQuery;

    private static string OptOutPath(string whyUrl) => "/privacy/opt-out?d=" + Uri.EscapeDataString(new Uri(whyUrl).AbsolutePath["/why/".Length..]);

    private static async Task<string> RankAsync(HttpClient api, string userId) =>
        (await RankJsonAsync(api, userId))["whyUrl"]!.GetValue<string>();

    private static async Task<JsonNode> RankJsonAsync(HttpClient api, string userId)
    {
        var body = RankPayloads.Valid();
        body["contextFeatures"]![0]!["_userId"] = userId;
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
