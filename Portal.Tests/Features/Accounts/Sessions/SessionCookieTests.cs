using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Portal.Features.Accounts.Sessions;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts.Sessions;

/// <summary>The login and antiforgery cookies: <c>__Host-</c>, Secure, HttpOnly, SameSite=Strict, path "/", no Domain.</summary>
public sealed partial class SessionCookieTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task The_antiforgery_cookie_of_the_login_page_is_a_strict_host_cookie()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/Account/Login");

        AssertHardened(SetCookie(response, "__Host-Portal.Antiforgery"));
    }

    [Fact]
    public async Task The_login_cookie_is_a_strict_host_cookie()
    {
        var client = factory.CreateBrowserClient();
        var token = AntiforgeryField().Match(await client.GetStringAsync("/Account/Login")).Groups[1].Value;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = PortalAppFactory.AdminEmail,
            ["Input.Password"] = PortalAppFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = SetCookie(response, "__Host-Portal.Session");
        AssertHardened(cookie);
        // Not "remember me": the cookie ends with the browser session, and the ticket inside it after 30 idle minutes.
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void In_development_the_cookie_follows_the_request_and_goes_without_the_prefix()
    {
        var cookie = new CookieBuilder();

        HardenedCookie.Apply(cookie, "Portal.Session", secure: false);

        Assert.Equal(("Portal.Session", CookieSecurePolicy.SameAsRequest, SameSiteMode.Strict, true), (cookie.Name, cookie.SecurePolicy, cookie.SameSite, cookie.HttpOnly));
    }

    private static string SetCookie(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), "no Set-Cookie");
        return Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
    }

    private static void AssertHardened(string cookie)
    {
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }
}
