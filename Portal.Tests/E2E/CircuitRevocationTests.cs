using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Features.Accounts;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.E2E;

/// <summary>
/// An open page of a demoted, locked or logged-out user stops working over its live WebSocket: within the revalidation
/// interval (2 seconds here, 30 in production) its circuit is signed out and the page is sent to the login.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class CircuitRevocationTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>The interval, plus the redirect and the login page's load on a busy 2-core machine.</summary>
    private static readonly TimeSpan Deadline = BrowserFixture.LiveFactory.RevalidationInterval + TimeSpan.FromSeconds(8);

    private static readonly Actor OtherAdmin = TestActors.Admin("another-admin", "another-admin@test.local");

    [Fact]
    public async Task A_demoted_users_open_page_is_sent_to_the_login()
    {
        var (id, page) = await OpenLoopsPageAsync("demoted-circuit@test.local", PortalRoles.ProductOwner, PortalRoles.ComplianceReviewer);

        var seconds = await SecondsUntilLoginAsync(page, () =>
            Users.SetRolesAsync(id, [PortalRoles.ComplianceReviewer], OtherAdmin, CancellationToken.None));

        output.WriteLine($"Demoted user's page at the login after {seconds:F1} s");
    }

    [Fact]
    public async Task A_locked_users_open_page_is_sent_to_the_login()
    {
        var (id, page) = await OpenLoopsPageAsync("locked-circuit@test.local", PortalRoles.ProductOwner);

        var seconds = await SecondsUntilLoginAsync(page, () =>
            Users.SetLockedAsync(id, locked: true, OtherAdmin, CancellationToken.None));

        output.WriteLine($"Locked user's page at the login after {seconds:F1} s");
    }

    [Fact]
    public async Task Logging_out_in_one_tab_sends_the_users_other_open_page_to_the_login()
    {
        var (_, page) = await OpenLoopsPageAsync("logout-circuit@test.local", PortalRoles.ProductOwner);
        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync("/loops");
        await otherTab.WaitForInteractiveAsync();

        var seconds = await SecondsUntilLoginAsync(page, async () =>
        {
            await otherTab.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
            await otherTab.WaitForURLAsync(url => !url.Contains("/loops", StringComparison.Ordinal));
            return new UserAdministration.Result(null);
        });

        output.WriteLine($"Logged-out user's other page at the login after {seconds:F1} s");
    }

    private UserAdministration Users => browser.App.Services.GetRequiredService<UserAdministration>();

    private async Task<(string Id, IPage Page)> OpenLoopsPageAsync(string email, params string[] roles)
    {
        var id = await browser.App.CreateUserAsync(email, roles);
        var page = await browser.NewPageAsync();
        await page.LogInAsync(email, PortalAppFactory.UserPassword);
        await page.GotoAsync("/loops");
        await page.WaitForInteractiveAsync();
        return (id, page);
    }

    /// <summary>Revokes, then waits for the open page, untouched since, to land on the login; fails past the deadline.</summary>
    private static async Task<double> SecondsUntilLoginAsync(IPage page, Func<Task<UserAdministration.Result>> revoke)
    {
        var clock = Stopwatch.StartNew();
        var result = await revoke();
        Assert.Null(result.Error);

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal),
            new() { Timeout = (float)Deadline.TotalMilliseconds });

        Assert.Contains("returnUrl=%2Floops", page.Url);
        await Assertions.Expect(page.GetByTestId("interactive")).ToHaveCountAsync(0);
        return clock.Elapsed.TotalSeconds;
    }
}
