using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Features.Insights.Catalog;
using Portal.Features.Loops;
using Portal.Features.PublicPages.Why;
using Portal.Features.Simulation;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class WhyPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_end_user_opens_the_why_link_of_a_suggestion_and_reads_why_in_plain_words()
    {
        await NameDemoFeaturesAsync();
        await SeededDemoTraffic.RunAsync(browser.App.Services, DemoLoopOptions.LoopId, 1_000, seed: 11);
        var loop = browser.App.Services.GetRequiredService<LoopDirectory>();
        await Eventually.TrueAsync(() => loop.Find(DemoLoopOptions.LoopId)!.Model.Current.ExamplesLearned >= 1_000, seconds: 60);
        var whyUrl = await WhyUrlOfAModelChoiceAsync(withFactors: true);
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(whyUrl);

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Why you were shown");
        await Assertions.Expect(page.GetByTestId("why-reason")).ToContainTextAsync("The system chose it for you");
        await Assertions.Expect(page.GetByTestId("why-factors").Locator("li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("why-data")).ToContainTextAsync("Your device");
        Assert.StartsWith("/feedback?d=", await page.GetByTestId("why-feedback").GetAttributeAsync("href"));
        await page.ScreenshotIfAskedAsync("why-page");
    }

    [Fact]
    public async Task A_tampered_why_link_gives_a_plain_404_page()
    {
        var whyUrl = await WhyUrlOfAModelChoiceAsync(withFactors: false);
        var tampered = whyUrl[..^3] + (whyUrl[^3] == 'x' ? 'y' : 'x') + whyUrl[^2..];
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(tampered);

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This page is not available");
        await Assertions.Expect(page.GetByTestId("why-reason")).ToHaveCountAsync(0);
    }

    private async Task NameDemoFeaturesAsync()
    {
        var editor = browser.App.Services.GetRequiredService<FeatureCatalogEditor>();
        var actor = TestActors.Admin("e2e", "e2e@test.local");
        foreach (var (path, name) in new[] { ("user.device", "Your device"), ("user.country", "Your country"), ("time.timeOfDay", "Time of day"),
                     ("article.topic", "Topic"), ("article.format", "Format") })
            await editor.RenameAsync(DemoLoopOptions.LoopId, path, name, actor, CancellationToken.None);
        foreach (var topic in NewsWorld.Topics)
            await editor.RenameAsync(DemoLoopOptions.LoopId, $"interests.{topic}", $"Your interest in {topic}", actor, CancellationToken.None);
        var actions = browser.App.Services.GetRequiredService<ActionCatalogEditor>();
        await Eventually.TrueAsync(async () => (await browser.App.Services.GetRequiredService<LoopQueries>().ActionsAsync(DemoLoopOptions.LoopId, CancellationToken.None)).Count == NewsWorld.Articles.Count);
        foreach (var (id, title) in new[] { ("election-explainer", "The election, explained"), ("cup-final-highlights", "Cup final highlights"),
                     ("new-phone-review", "New phone review"), ("sleep-better-guide", "How to sleep better"), ("markets-weekly", "Markets this week"),
                     ("hidden-beaches", "Ten hidden beaches"), ("15-minute-dinners", "15-minute dinners"), ("museum-night", "A night at the museum") })
            await actions.RenameAsync(DemoLoopOptions.LoopId, id, title, actor, CancellationToken.None);
    }

    /// <summary>
    /// Ranks demo visits through the API until the model (not exploration) chose — and, when asked, chose for reasons
    /// that argued for the item (a young model's terms can all be negative) — and returns that decision's whyUrl.
    /// </summary>
    private async Task<string> WhyUrlOfAModelChoiceAsync(bool withFactors)
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.ApiBaseUrl) };
        api.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", PortalAppFactory.DemoKey);
        var world = new NewsWorld(new Random(7));
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var body = SimulatedRequest.RankBody(world.NextVisit(), NewsWorld.Articles);
            var answer = await (await api.PostAsync("/personalizer/v1.0/rank", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } })).ReadJsonAsync();
            if (answer.GetProperty("explored").GetBoolean()) continue;
            var url = answer.GetProperty("whyUrl").GetString()!;
            var why = await browser.App.Services.GetRequiredService<WhyExplanations>().ForTokenAsync(url[(url.IndexOf("/why/", StringComparison.Ordinal) + 5)..], CancellationToken.None);
            if (!withFactors || why!.Factors.Count > 0) return url;
        }
        throw new InvalidOperationException("No decision of 50 was a model choice with factors.");
    }
}
