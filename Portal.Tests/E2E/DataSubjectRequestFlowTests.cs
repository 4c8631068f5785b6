using System.Text.Json;
using Microsoft.Playwright;
using Portal.Tests.Features.Privacy.Requests;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class DataSubjectRequestFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_finds_what_is_held_about_a_user_downloads_it_and_erases_it()
    {
        var user = "e2e-subject-" + Guid.NewGuid().ToString("N")[..6];
        using var api = new HttpClient { BaseAddress = new Uri(browser.ApiBaseUrl) };
        api.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", PortalAppFactory.DemoKey);
        var eventId = await api.RankForAsync(user);
        await api.RankForAsync(user);
        await api.RankForAsync(user);
        await browser.App.TicketAboutAsync("demo", eventId, "Please tell me what you keep about me.", "subject@example.com");

        var page = await browser.NewPageAsync();
        await page.LogInAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);
        // A click on the prerendered menu before the circuit is up changes the address but not the page.
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("nav-privacy-requests").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/privacy/requests", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("User id").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("held-decisions-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("held-contactEmails-count")).ToHaveTextAsync("1");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export JSON" }).ClickAsync());
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            Assert.Equal(3, export.RootElement.GetProperty("decisions").GetArrayLength());
            Assert.Equal("subject@example.com", export.RootElement.GetProperty("tickets")[0].GetProperty("contactEmail").GetString());
        }
        Assert.DoesNotContain(user, download.SuggestedFilename);
        await page.ScreenshotIfAskedAsync("data-subject-requests");

        await page.GetByRole(AriaRole.Button, new() { Name = "Erase…" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("erase-list")).ToContainTextAsync("Decisions: 3");
        await page.ScreenshotIfAskedAsync("data-subject-erase-dialog");
        await page.GetByTestId("confirm-erase").ClickAsync();

        await Assertions.Expect(page.GetByTestId("erasure-summary")).ToContainTextAsync("Erased.");
        await Assertions.Expect(page.GetByTestId("erased-decisions")).ToHaveTextAsync("Decisions: 3");
        await page.ScreenshotIfAskedAsync("data-subject-erased");
        Assert.True((await browser.App.FindAsync(user)).NothingHeld);

        // An erasure of someone else that failed too often waits for a person to run it again.
        var stuck = "e2e-stuck-" + Guid.NewGuid().ToString("N")[..6];
        await api.RankForAsync(stuck);
        await using (var db = await browser.App.DbAsync())
        {
            db.PendingErasures.Add(new Portal.Data.Entities.PendingErasure
            {
                UserId = stuck, RequestedByName = PortalAppFactory.AdminEmail, RequestedAt = DateTimeOffset.UtcNow.AddHours(-2),
                ClaimedUntil = DateTimeOffset.UtcNow.AddHours(-1), FailedRuns = 5, GivenUpAt = DateTimeOffset.UtcNow.AddHours(-1),
                LastError = "SQLite Error 13: 'database or disk is full'.",
            });
            await db.SaveChangesAsync();
        }

        // Opened again, the page lists the erasure among this node's background erasures, and the given-up one.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var listed = page.GetByTestId("background-erasure").Filter(new() { HasText = user });
        await Assertions.Expect(listed.GetByTestId("background-erasure-state")).ToHaveTextAsync("Erased (5 rows)");
        var givenUp = page.GetByTestId("background-erasure").Filter(new() { HasText = stuck });
        await Assertions.Expect(givenUp.GetByTestId("background-erasure-state")).ToContainTextAsync("after 5 failed runs. Last error: SQLite Error 13");
        await page.ScreenshotIfAskedAsync("data-subject-background");

        await givenUp.GetByTestId("background-erasure-run-again").ClickAsync();
        await Assertions.Expect(givenUp.GetByTestId("background-erasure-state")).ToHaveTextAsync("Erased (1 row)");
        Assert.True((await browser.App.FindAsync(stuck)).NothingHeld);
    }
}
