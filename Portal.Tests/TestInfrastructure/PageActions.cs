using Microsoft.Playwright;

namespace Portal.Tests.TestInfrastructure;

/// <summary>What a person does in the browser, in one place: log in, wait for the live page.</summary>
public static class PageActions
{
    public static async Task LogInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });

    /// <summary>
    /// Opens a MudTabs tab by a click event on its header, repeated until the tab says it is selected: the first
    /// click can land on the prerendered header before the interactive render has attached its handler.
    /// Playwright's pointer-based click never completes on MudTabs' headers in this headless chromium (its
    /// "stable" check does not settle), so the click event is dispatched to the header directly.
    /// </summary>
    public static async Task ClickTabAsync(this IPage page, string namePrefix)
    {
        var name = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(namePrefix));
        var tab = page.GetByRole(AriaRole.Tab, new() { NameRegex = name });
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await tab.DispatchEventAsync("click");
            try
            {
                await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 500 });
                return;
            }
            catch (PlaywrightException)
            {
            }
        }
        throw new InvalidOperationException($"The tab '{namePrefix}' could not be opened.");
    }

    /// <summary>
    /// Saves a screenshot when PORTAL_SCREENSHOTS names a folder (used for the README); a relative folder is taken from
    /// the repository root, not from the test's output folder where the tests run.
    /// </summary>
    public static async Task ScreenshotIfAskedAsync(this IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(RepositoryRoot(), folder);
        Directory.CreateDirectory(folder);
        // A full-page shot paints the fixed app bar where the viewport is scrolled to: start from the top.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
