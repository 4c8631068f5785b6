using Microsoft.Playwright;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class ComplianceReportTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_compliance_reviewer_prepares_the_weeks_report_and_signs_it_off()
    {
        await browser.App.CreateUserAsync("signer-e2e@test.local", PortalRoles.ComplianceReviewer);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("signer-e2e@test.local", PortalAppFactory.UserPassword);
        await page.GotoAsync("/insights/report");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("prepare-report").ClickAsync();
        var preview = page.FrameLocator("[data-testid=report-preview]");
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Compliance report: Demo: news articles");
        await page.ScreenshotIfAskedAsync("compliance-report");
        await page.GetByTestId("sign-off").ClickAsync();
        await page.GetByTestId("sign-off-note").FillAsync("Weekly review");
        await page.GetByTestId("confirm-sign-off").ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-offs")).ToContainTextAsync("signer-e2e@test.local");
        await Assertions.Expect(page.GetByTestId("sign-offs")).ToContainTextAsync("Weekly review");
    }
}
