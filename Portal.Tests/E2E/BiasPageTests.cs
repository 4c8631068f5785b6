using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Insights.Bias;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class BiasPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_compliance_reviewer_opens_the_bias_page_and_sees_the_planted_bias_flagged()
    {
        // Twenty minutes of the demo's default traffic (5 decisions/s), in seconds, on top of the simulator's.
        await SeededDemoTraffic.RunAsync(browser.App.Services, DemoLoopOptions.LoopId, 6_000, seed: 2026);
        await PlantedBiasFixture.AggregatedAsync(browser.App, DemoLoopOptions.LoopId, DateTimeOffset.UtcNow);
        await browser.App.CreateUserAsync("reviewer-e2e@test.local", PortalRoles.ComplianceReviewer);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("reviewer-e2e@test.local", PortalAppFactory.UserPassword);

        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bias and drift" }).ClickAsync();
        await page.WaitForURLAsync("**/insights/bias");

        var flag = page.GetByTestId("bias-flag");
        await Assertions.Expect(page.GetByTestId("disparity-table")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(flag).ToHaveCountAsync(1);
        await Assertions.Expect(flag).ToContainTextAsync("65+");
        await Assertions.Expect(page.Locator("[data-testid='group-65+'] [data-testid=verdict]")).ToHaveTextAsync("Flagged");
        await Assertions.Expect(page.GetByTestId("importance-chart")).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("bias-page");
    }
}
