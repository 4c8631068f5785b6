using Microsoft.Playwright;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class EvaluationFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_product_owner_runs_an_evaluation_of_the_demo_loop_from_its_page_and_sees_each_policys_estimate()
    {
        await browser.App.CreateUserAsync("po-evaluation-e2e@test.local", PortalRoles.ProductOwner);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("po-evaluation-e2e@test.local", PortalAppFactory.UserPassword);
        await page.GotoAsync($"/loops/{DemoLoopOptions.LoopId}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("evaluations-link").ClickAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("add-custom").ClickAsync();
        await page.GetByTestId("custom-arguments-0").FillAsync("--cb_explore_adf --epsilon 0.05 --cb_type mtr -q :: -l 0.5");
        await page.GetByTestId("optimization").ClickAsync();
        await page.GetByTestId("run-evaluation").ClickAsync();

        await Assertions.Expect(page.GetByTestId("run-status").First).ToContainTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("estimate-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("policy-table").Filter(new() { HasText = "custom 1" })).ToContainTextAsync("SNIPS");
        await page.ScreenshotIfAskedAsync("evaluations");
    }
}
