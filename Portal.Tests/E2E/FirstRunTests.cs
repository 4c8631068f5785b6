using Microsoft.Playwright;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class FirstRunTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_first_administrator_logs_in_and_sees_decisions_arriving_on_the_overview()
    {
        var page = await browser.NewPageAsync();

        await page.LogInAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);
        await page.WaitForInteractiveAsync();

        var latest = page.Locator("[data-testid=recent-decisions] tbody tr").First;
        await Assertions.Expect(page.GetByText("Demo: news articles")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(PortalAppFactory.AdminEmail);
        var firstSeen = await latest.InnerTextAsync();
        // The overview refreshes itself: a newer decision replaces the top row without reloading the page.
        await Assertions.Expect(latest).Not.ToHaveTextAsync(firstSeen, new() { Timeout = 15_000 });
        await page.ScreenshotIfAskedAsync("overview");
    }

    [Fact]
    public async Task A_product_owner_opens_a_loop_and_sees_its_action_catalog()
    {
        await browser.App.CreateUserAsync("po-e2e@test.local", Portal.Infrastructure.Security.PortalRoles.ProductOwner);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("po-e2e@test.local", PortalAppFactory.UserPassword);

        await page.GotoAsync("/loops/demo");
        await page.WaitForInteractiveAsync();
        await page.ClickTabAsync("Actions");

        await Assertions.Expect(page.GetByTestId("action-catalog")).ToContainTextAsync("cup-final-highlights");
        await page.ScreenshotIfAskedAsync("loop-actions");
    }
}
