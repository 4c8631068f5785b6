using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts;

/// <summary>The login form sends the browser back only to a path on Portal, however the ReturnUrl is dressed up.</summary>
public sealed class ReturnUrlTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    /// <summary>Each value is the query text of a crafted link, percent-encoded as it would travel; the page sees it decoded once.</summary>
    [Theory]
    [InlineData("//evil.com", "/")]
    [InlineData("%2F%2Fevil.com", "/")]
    [InlineData("%2F%5Cevil.com", "/")]
    [InlineData("https%3A%2F%2Fevil.com%2Flogin", "/")]
    [InlineData("javascript%3Aalert(document.cookie)", "/")]
    [InlineData("%252F%252Fevil.com", "/")]
    [InlineData("%2F%09%2Fevil.com", "/")]
    [InlineData("%2F%255Cevil.com", "/%5Cevil.com")]
    [InlineData("%2Faudit%3Factor%3Da", "/audit?actor=a")]
    public async Task A_login_returns_only_to_a_local_path(string returnUrlInQuery, string expectedLocation)
    {
        var client = factory.CreateBrowserClient();

        var response = await client.PostLoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword, "/Account/Login?ReturnUrl=" + returnUrlInQuery);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri && location.Host != "localhost", $"redirected off Portal to {location}");
        Assert.Equal(expectedLocation, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Fact]
    public async Task A_logout_returns_only_to_a_local_path()
    {
        var client = await factory.LoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);
        var token = await client.AntiforgeryTokenAsync("/Account/Manage");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = "/evil.com",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
