using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// Portal on Kestrel (a free loopback port) with demo traffic, and Debian's chromium driven by Playwright.
/// One per test collection: starting a browser costs seconds.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public LiveFactory App { get; } = new();

    /// <summary>Where the browser goes: HTTPS with a certificate of the fixture's own, which the browser is told to accept.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Plain HTTP on loopback for the tests' API clients, which need no cookies and no certificate.</summary>
    public string ApiBaseUrl { get; private set; } = "";
    private IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = default!;

    public sealed class LiveFactory : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:Simulator:Enabled"] = "true",
            ["Portal:Simulator:DecisionsPerSecond"] = "20",
            // Open pages check their user every 2 seconds (production: 30), so revocation tests need not wait long.
            ["Portal:Sessions:RevalidationInterval"] = RevalidationInterval.ToString(),
        };

        public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(2);
    }

    public async Task InitializeAsync()
    {
        var certificate = LoopbackCertificate.Create();
        App.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
        ApiBaseUrl = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        App.ClientBaseAddress = new Uri(ApiBaseUrl);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page, whose CSP violations are recorded in <see cref="CspViolations"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, IgnoreHTTPSErrors = true, ViewportSize = new() { Width = 1400, Height = 900 } });
        await CspViolations.WatchAsync(context);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        App.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
