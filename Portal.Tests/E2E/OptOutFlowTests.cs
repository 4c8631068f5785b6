using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class OptOutFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_end_user_opts_out_from_a_why_page_and_later_rank_calls_for_them_serve_the_baseline()
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.ApiBaseUrl) };
        api.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", PortalAppFactory.DemoKey);
        var before = await RankAsync(api, "e2e-reader");
        Assert.True(before.GetProperty("personalized").GetBoolean());
        var page = await browser.NewPageAsync();

        // The link is made for the plain-HTTP API address the test called; the browser goes to Portal over HTTPS.
        await page.GotoAsync(new Uri(before.GetProperty("whyUrl").GetString()!).PathAndQuery);
        await page.GetByTestId("why-opt-out").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Turn off personalized suggestions");
        await page.ScreenshotIfAskedAsync("opt-out-page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop personalizing suggestions for me" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("opt-out-done")).ToContainTextAsync("now off for you");
        var after = await RankAsync(api, "e2e-reader");
        Assert.False(after.GetProperty("personalized").GetBoolean());
        Assert.Equal(1.0, after.GetProperty("ranking")[0].GetProperty("probability").GetDouble());
        Assert.Equal(FirstActionId(), after.GetProperty("rewardActionId").GetString());

        // The Why page of the opted-out suggestion says so, in plain words.
        await page.GotoAsync(after.GetProperty("whyUrl").GetString()!);
        await Assertions.Expect(page.GetByTestId("why-reason")).ToContainTextAsync("You have turned off personalized suggestions");
    }

    private static string FirstActionId() => Portal.Features.Simulation.NewsWorld.Articles[0].Id;

    private static async Task<JsonElement> RankAsync(HttpClient api, string userId)
    {
        var body = JsonNode.Parse(Portal.Features.Simulation.SimulatedRequest.RankBody(
            new Portal.Features.Simulation.SimulatedVisit("35-49", "FR", "mobile", ["travel"], "evening", userId), Portal.Features.Simulation.NewsWorld.Articles))!;
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
