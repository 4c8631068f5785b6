using System.Text.Json.Nodes;
using Portal.Features.Simulation;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Decisions made through Rank over HTTP for the browser tests, and the paths of their Why pages.</summary>
public static class WhyPagePaths
{
    /// <summary>A demo decision for a named user (so its Why page offers the opt-out), as the path of its Why link.</summary>
    public static async Task<string> WhyPathForAUserAsync(this BrowserFixture browser, string userId)
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.ApiBaseUrl) };
        api.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", PortalAppFactory.DemoKey);
        var body = JsonNode.Parse(SimulatedRequest.RankBody(new SimulatedVisit("35-49", "FR", "mobile", ["travel"], "evening", userId), NewsWorld.Articles))!;
        var answer = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body))).ReadJsonAsync();
        // The link is made for the plain-HTTP API address; the browser goes to Portal over HTTPS.
        return new Uri(answer.GetProperty("whyUrl").GetString()!).PathAndQuery;
    }
}
