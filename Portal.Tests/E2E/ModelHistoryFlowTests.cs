using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Features.Integrity;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class ModelHistoryFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_product_owner_sees_the_quarantined_window_and_rolls_learning_back_to_a_snapshot_in_the_browser()
    {
        var (loopId, _) = await browser.App.LoopWithActionsAsync();
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        for (var i = 0; i < 12; i++) learner.Learn(FeatureSet.Empty, [FeatureSet.Empty, FeatureSet.Empty], 0, 0.5, 1);
        await browser.App.Services.GetRequiredService<ModelSnapshots>().TakeAsync(loopId, learner, 0, DateTimeOffset.UtcNow.AddMinutes(-30), keep: 10, term: null, CancellationToken.None);
        await browser.App.Services.GetRequiredService<QuarantineService>().QuarantineAsync(loopId, DateTimeOffset.UtcNow.AddMinutes(-20),
            DateTimeOffset.UtcNow.AddMinutes(-10), null, "Rewards from one address, 40 a second", TestActors.Admin(), CancellationToken.None);
        await browser.App.CreateUserAsync("po-history-e2e@test.local", PortalRoles.ProductOwner);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("po-history-e2e@test.local", PortalAppFactory.UserPassword);

        await page.GotoAsync($"/loops/{loopId}");
        // A click on the prerendered page can be lost when the interactive render replaces it (seen under load).
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("model-history-link").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("quarantines")).ToContainTextAsync("Rewards from one address");
        await page.ScreenshotIfAskedAsync("model-history");
        await page.GetByTestId("rollback").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync("Back to before the burst");
        await page.GetByTestId("confirm-reason").ClickAsync();

        await Assertions.Expect(page.GetByText("Rolled back; the model re-learns the log from there.")).ToBeVisibleAsync();
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LoopId == loopId && a.Action == "loop.model.rollback" && a.Reason == "Back to before the burst"));
    }
}
