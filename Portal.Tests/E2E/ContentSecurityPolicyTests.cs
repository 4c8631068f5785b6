using Microsoft.Playwright;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

/// <summary>
/// The CSP is enforced, not reported: a violation breaks the page. These walk the kinds of page once (Identity page,
/// interactive portal pages, static public pages) and prove that the recorder behind [NoCspViolations] does see one.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/stream")]
    [InlineData("/loops/demo")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    public async Task A_portal_page_runs_interactively_without_a_csp_violation(string path)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(PortalAppFactory.AdminEmail);
        Assert.Empty(CspViolations.Take());
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/feedback")]
    [InlineData("/privacy/opt-out")]
    [InlineData("/why/not-a-real-token")]
    public async Task A_page_without_login_renders_without_a_csp_violation(string path)
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(CspViolations.Take());
    }

    [Fact]
    public async Task An_injected_inline_script_is_blocked_and_recorded()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/feedback");

        try
        {
            await page.AddScriptTagAsync(new() { Content = "window.cspProbe = 1;" });
        }
        catch (PlaywrightException)
        {
            // Playwright reports the blocked script as a failure to add it; the recorder is what this test checks.
        }

        Assert.Null(await page.EvaluateAsync<int?>("() => window.cspProbe ?? null"));
        var violations = new List<string>();
        await Eventually.TrueAsync(() =>
        {
            violations.AddRange(CspViolations.Take());
            return violations.Count > 0;
        });
        // A browser may report the same violation again, late: what arrives within a quiet second is this test's too,
        // not the next test's (every test is checked for violations after it ran).
        for (var quietSince = DateTime.UtcNow; DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(1);)
        {
            await Task.Delay(100);
            var late = CspViolations.Take();
            if (late.Count == 0) continue;
            violations.AddRange(late);
            quietSince = DateTime.UtcNow;
        }
        Assert.Contains(violations, v => v.Contains("script-src", StringComparison.Ordinal));
    }
}
