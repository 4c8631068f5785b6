using Microsoft.Playwright;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

/// <summary>A compliance reviewer records who answers for a loop and publishes its statement; end users read it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class AccountabilityFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reviewer_records_the_owner_publishes_the_statement_and_the_public_page_shows_both()
    {
        var (loopId, _) = await browser.App.LoopWithActionsAsync();
        await browser.App.CreateUserAsync("cr-owner-e2e@test.local", PortalRoles.ComplianceReviewer);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("cr-owner-e2e@test.local", PortalAppFactory.UserPassword);
        await page.GotoAsync($"/loops/{loopId}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("owner-line")).ToContainTextAsync("No accountable owner recorded");

        await page.ClickTabAsync("Accountability");
        await page.GetByTestId("owner-name").FillAsync("Editorial team");
        await page.GetByTestId("owner-contact").FillAsync("editorial@example.org");
        await page.GetByTestId("owner-purpose").FillAsync("Chooses the article shown first on the home page.");
        await page.GetByTestId("save-owner").ClickAsync();
        await Assertions.Expect(page.GetByTestId("owner-updated")).ToContainTextAsync("cr-owner-e2e@test.local");
        await Assertions.Expect(page.GetByTestId("owner-line")).ToContainTextAsync("Accountable: Editorial team");

        await page.GetByTestId("statement-draft").FillAsync(
            "# What we use\nThe kind of **device** you use and the topics you read.\n\n# How long we keep it\n- decisions: 30 days\n- feedback: until it is answered");
        await page.GetByTestId("publish-statement").ClickAsync();
        await Assertions.Expect(page.GetByTestId("statement-version")).ToContainTextAsync("Version 1");
        await page.ScreenshotIfAskedAsync("loop-accountability");

        var statement = await browser.NewPageAsync();
        await statement.GotoAsync($"/data-handling/{loopId}");
        await Assertions.Expect(statement.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("How your data is handled");
        await Assertions.Expect(statement.GetByTestId("statement")).ToContainTextAsync("The kind of device you use");
        await Assertions.Expect(statement.GetByTestId("statement-owner")).ToContainTextAsync("Editorial team is responsible");
        await statement.ScreenshotIfAskedAsync("data-handling-page");
    }
}
