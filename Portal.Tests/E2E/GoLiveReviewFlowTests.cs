using Microsoft.Playwright;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

/// <summary>A compliance reviewer records a new loop's go-live review in the browser, and Rank starts serving the model.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class GoLiveReviewFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reviewer_records_the_go_live_review_and_the_loop_leaves_the_baseline()
    {
        var (loopId, api) = await browser.App.CreateLoopAsync(goLiveReview: false);
        Assert.False(await PersonalizedAsync(api, "before-review"));
        await browser.App.CreateUserAsync("cr-golive-e2e@test.local", PortalRoles.ComplianceReviewer);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("cr-golive-e2e@test.local", PortalAppFactory.UserPassword);
        await page.GotoAsync($"/loops/{loopId}");
        await page.WaitForInteractiveAsync();
        await page.ClickTabAsync("Accountability");
        await Assertions.Expect(page.GetByTestId("golive-status")).ToContainTextAsync("Awaiting go-live review");

        await page.GetByTestId("golive-record").ClickAsync();
        // The one Rank so far carried no user id: the dialog says so beside the opt-out item.
        await Assertions.Expect(page.GetByTestId("golive-optout-traffic")).ToContainTextAsync("Of the loop's latest decision, 0 carried a user id");
        await page.GetByTestId("confirm-golive").ClickAsync();
        await Assertions.Expect(page.GetByTestId("golive-legal-error")).ToContainTextAsync("The legal review must be done");
        await page.GetByTestId("golive-legal").CheckAsync();
        await page.GetByTestId("golive-reference").FillAsync("LEGAL-2026-042");
        await page.GetByTestId("golive-sensitive").CheckAsync();
        await page.GetByTestId("golive-optout").CheckAsync();
        await page.GetByTestId("golive-note").FillAsync("The data-handling statement is published with the launch.");
        await page.ScreenshotIfAskedAsync("golive-record-dialog");
        await page.GetByTestId("confirm-golive").ClickAsync();

        await Assertions.Expect(page.GetByTestId("golive-status")).ToContainTextAsync("Go-live reviewed by cr-golive-e2e@test.local");
        await Assertions.Expect(page.GetByTestId("golive-checklist")).ToContainTextAsync("LEGAL-2026-042");
        await page.ScreenshotIfAskedAsync("loop-golive-review");
        Assert.True(await PersonalizedAsync(api, "after-review"));

        await page.GotoAsync("/loops");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = loopId }).GetByTestId("golive-line"))
            .ToContainTextAsync("Go-live reviewed by cr-golive-e2e@test.local");
        await page.ScreenshotIfAskedAsync("loops-golive");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId($"loop-card-{loopId}").GetByTestId("golive-line")).ToContainTextAsync("Go-live reviewed by");
        await page.ScreenshotIfAskedAsync("overview-golive");
    }

    private static async Task<bool> PersonalizedAsync(HttpClient api, string eventId)
    {
        var rank = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(eventId: eventId)));
        return (await rank.ReadJsonAsync()).GetProperty("personalized").GetBoolean();
    }
}
