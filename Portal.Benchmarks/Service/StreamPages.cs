using Microsoft.Playwright;

namespace Portal.Benchmarks.Service;

/// <summary>Open live-stream pages in Debian's chromium, each its own signed-in session (a Blazor circuit on the server).</summary>
public sealed class StreamPages : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private StreamPages(IPlaywright playwright, IBrowser browser, IReadOnlyList<IPage> pages)
    {
        this.playwright = playwright;
        this.browser = browser;
        Pages = pages;
    }

    public IReadOnlyList<IPage> Pages { get; }

    public static async Task<StreamPages> OpenAsync(Uri baseAddress, int count)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1400, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await page.Locator("#Input\\.Email").FillAsync("admin@localhost");
            await page.Locator("#Input\\.Password").FillAsync(ServerSettings.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
            await page.GotoAsync("/stream");
            await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            pages.Add(page);
        }
        LowerBrowserPriority();
        return new StreamPages(playwright, browser, pages);
    }

    /// <summary>
    /// Once the pages are open, chromium (and Playwright's node driver) go to the lowest CPU priority: the people watching would run their browsers
    /// on their own machines, not on the server's two cores; here the browser gets what the server leaves (its share
    /// is still printed).
    /// </summary>
    public static void LowerBrowserPriority()
    {
        var pids = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(name => int.TryParse(name, out _))
            .Where(pid => File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm") is var comm
                          && (comm.StartsWith("chrom", StringComparison.Ordinal) || comm.StartsWith("node", StringComparison.Ordinal)))
            .ToList();
        if (pids.Count == 0) return;
        var renice = new System.Diagnostics.ProcessStartInfo("renice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-n", "19", "-p" }.Concat(pids!)) renice.ArgumentList.Add(argument!);
        using var process = System.Diagnostics.Process.Start(renice)!;
        process.WaitForExit();
    }

    /// <summary>Each page's own counter line ("showing … · received … · not shown …").</summary>
    public async Task<IReadOnlyList<string>> CountersAsync()
    {
        var lines = new List<string>();
        foreach (var page in Pages) lines.Add((await page.GetByTestId("stream-counts").InnerTextAsync()).Trim());
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
