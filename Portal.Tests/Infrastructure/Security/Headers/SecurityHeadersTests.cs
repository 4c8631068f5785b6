using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Infrastructure.Security.Headers;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security.Headers;

/// <summary>Every kind of answer carries the security headers; secret addresses send no Referer; HSTS only off loopback.</summary>
public sealed partial class SecurityHeadersTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [GeneratedRegex("<script type=\"importmap\" nonce=\"([^\"]+)\"")]
    private static partial Regex ImportMapNonce();

    public static TheoryData<string, string, HttpStatusCode> RouteKinds() => new()
    {
        { "API", "/personalizer/v1.0/configurations/service", HttpStatusCode.Unauthorized },
        { "health", "/health/live", HttpStatusCode.OK },
        { "Identity page", "/Account/Login", HttpStatusCode.OK },
        { "portal page (login redirect)", "/audit", HttpStatusCode.Redirect },
        { "public page", "/feedback", HttpStatusCode.OK },
        { "static file", "/public.css", HttpStatusCode.OK },
        { "framework script", "/_framework/blazor.web.js", HttpStatusCode.OK },
        { "not-found page", "/no-such-page", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(RouteKinds))]
    public async Task Every_kind_of_answer_carries_the_security_headers(string kind, string path, HttpStatusCode expected)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.True(response.StatusCode == expected, $"{kind}: {(int)response.StatusCode}");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(SecurityHeaders.DefaultReferrerPolicy, Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Header(response, "Permissions-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("'unsafe-inline'", Directive(csp, "script-src") ?? Directive(csp, "default-src"));
        Assert.DoesNotContain("'unsafe-eval'", csp);
    }

    [Fact]
    public async Task Api_answers_allow_nothing_to_load_or_run()
    {
        using var client = Client();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(ContentSecurityPolicy.ForApi, Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task A_page_allows_its_own_import_map_by_a_nonce_that_changes_with_every_answer()
    {
        using var client = Client();

        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/Account/Login");
            // The page writes the nonce HTML-encoded (a "+" as &#x2B;); the browser decodes it before comparing.
            var nonce = System.Net.WebUtility.HtmlDecode(ImportMapNonce().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
            Assert.NotEmpty(nonce);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Equal($"'self' 'nonce-{nonce}'", Directive(csp, "script-src"));
            // Blazor resolves its assets against <base href="/">: base-uri 'none' would break nested routes.
            Assert.Equal("'self'", Directive(csp, "base-uri"));
            nonces.Add(nonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Theory]
    [InlineData("/why/not-a-real-token")]
    [InlineData("/feedback/status/not-a-real-token")]
    [InlineData("/privacy/opt-out")]
    public async Task A_page_whose_address_is_a_secret_sends_no_referrer(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.NotNull(Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Https_answers_off_loopback_carry_hsts_for_at_least_a_year()
    {
        using var client = Client(new Uri("https://portal.example"));

        using var response = await client.GetAsync("/feedback");

        var hsts = Header(response, "Strict-Transport-Security");
        Assert.NotNull(hsts);
        var maxAge = int.Parse(Regex.Match(hsts, "max-age=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 365 * 24 * 3600, hsts);
    }

    [Theory]
    [InlineData("https://localhost")]
    [InlineData("https://127.0.0.1")]
    [InlineData("http://portal.example")]
    public async Task Loopback_and_plain_http_answers_carry_no_hsts(string baseAddress)
    {
        using var client = Client(new Uri(baseAddress));

        using var response = await client.GetAsync("/feedback");

        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    private HttpClient Client(Uri? baseAddress = null) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = baseAddress ?? new Uri("https://localhost") });

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static string? Directive(string? csp, string name) =>
        csp?.Split(';', StringSplitOptions.TrimEntries)
            .FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..];
}
