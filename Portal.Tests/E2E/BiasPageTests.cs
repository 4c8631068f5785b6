using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Insights.Bias;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class BiasPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_compliance_reviewer_opens_the_bias_page_and_sees_the_planted_bias_flagged()
    {
        // A loop of its own (the demo loop's history depends on the other browser tests), fed with twenty minutes of the
        // demo's default traffic (5 decisions/s, the simulator's world with its planted unfairness), in seconds.
        var (loopId, _) = await browser.App.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        await SeededDemoTraffic.RunAsync(browser.App.Services, loopId, PlantedBiasFixture.Visits, seed: 2026);
        await PlantedBiasFixture.AggregatedAsync(browser.App, loopId, DateTimeOffset.UtcNow);
        await browser.App.CreateUserAsync("reviewer-e2e@test.local", PortalRoles.ComplianceReviewer);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("reviewer-e2e@test.local", PortalAppFactory.UserPassword);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bias and drift" }).ClickAsync();
        await page.WaitForURLAsync("**/insights/bias");

        await page.GotoAsync($"/insights/bias?loop={loopId}");
        await page.WaitForInteractiveAsync();

        var flag = page.GetByTestId("bias-flag");
        await Assertions.Expect(page.GetByTestId("disparity-table")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.True(await flag.CountAsync() == 1, "Expected one flag; the table says: " + await page.GetByTestId("disparity-table").InnerTextAsync());
        await Assertions.Expect(flag).ToContainTextAsync("65+");
        await Assertions.Expect(page.Locator("[data-testid='group-65+'] [data-testid=verdict]")).ToHaveTextAsync("Flagged");
        await Assertions.Expect(page.GetByTestId("importance-chart")).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("bias-page");
    }
}
