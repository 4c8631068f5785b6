using Microsoft.Playwright;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.CommunityReview;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

/// <summary>A compliance reviewer creates a panel and invites a reviewer; the reviewer judges from the link; the results show it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class CommunityReviewFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_compliance_reviewer_creates_a_panel_invites_a_reviewer_and_sees_the_judgement_in_the_results()
    {
        var loopId = await browser.App.LoopWithDecisionsAsync();
        await browser.App.CreateUserAsync("cr-panel-e2e@test.local", PortalRoles.ComplianceReviewer);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.LogInAsync("cr-panel-e2e@test.local", PortalAppFactory.UserPassword);
        await page.GotoAsync($"/review-panels?loop={loopId}");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("panel-name").FillAsync("Autumn community review");
        await page.GetByTestId("panel-per-segment").FillAsync("4");
        await page.ScreenshotIfAskedAsync("review-panels");
        await page.GetByTestId("create-panel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("panel-facts")).ToContainTextAsync("11 decisions");
        await page.GetByTestId("invite-label").FillAsync("Community group A");
        await page.GetByTestId("invite").ClickAsync();
        var link = await page.GetByTestId("new-link-value").InputValueAsync();
        Assert.Contains("/review/", link);
        await page.ScreenshotIfAskedAsync("review-panel-invitation");

        var reviewer = await browser.NewPageAsync();
        await reviewer.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(reviewer.GetByTestId("review-progress")).ToContainTextAsync("Suggestion 1 of 11");
        await reviewer.ScreenshotIfAskedAsync("review-panel-reviewer");
        await reviewer.Locator("#verdict-Harmful").CheckAsync();
        await reviewer.GetByLabel("Your note (optional)").FillAsync("Promotes a payday loan to a pensioner.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("review-saved")).ToContainTextAsync("The team will look into it (ticket FB-");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("panel-facts")).ToContainTextAsync("reviewers who judged: 1 · tickets opened: 1");
        await Assertions.Expect(page.GetByTestId("panel-results-row").Last).ToContainTextAsync("100% (1/1;");
        await Assertions.Expect(page.GetByTestId("invitations")).ToContainTextAsync("Community group A");
        await page.ScreenshotIfAskedAsync("review-panel-results");

        await page.GotoAsync($"/insights/bias?loop={loopId}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("bias-review-panels")).ToContainTextAsync("Autumn community review");
        await page.GetByTestId("bias-review-panels").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotIfAskedAsync("review-panel-bias");
    }
}
