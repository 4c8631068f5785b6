using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts.Sessions;

/// <summary>The portal login ends after 30 idle minutes, and after 12 hours however busy, judged by a fake clock.</summary>
public sealed class SessionLifetimeTests(SessionLifetimeTests.FakeClockPortal factory) : IClassFixture<SessionLifetimeTests.FakeClockPortal>
{
    /// <summary>Portal whose login cookie is judged by a clock the test moves.</summary>
    public sealed class FakeClockPortal : PortalAppFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie => cookie.TimeProvider = Clock));
        }
    }

    // A page that needs a login and answers without a circuit: 200 while logged in, a redirect to the login page after.
    private const string SignedInPage = "/Account/Manage";

    [Fact]
    public async Task A_login_idle_for_more_than_30_minutes_has_to_log_in_again()
    {
        var client = await LogInAsync("idle@test.local");

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await client.GetAsync(SignedInPage);

        AssertSentToLogin(response);
    }

    [Fact]
    public async Task A_login_in_use_stays_open_past_30_minutes()
    {
        var client = await LogInAsync("busy@test.local");

        for (var step = 0; step < 4; step++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            var response = await client.GetAsync(SignedInPage);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_login_in_use_ends_12_hours_after_it_began()
    {
        var client = await LogInAsync("allday@test.local");
        var elapsed = TimeSpan.Zero;

        while (elapsed + TimeSpan.FromMinutes(20) < TimeSpan.FromHours(12))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SignedInPage)).StatusCode);
        }
        factory.Clock.Advance(TimeSpan.FromHours(12) - elapsed + TimeSpan.FromMinutes(1));
        var response = await client.GetAsync(SignedInPage);

        AssertSentToLogin(response);
        // The refused cookie is deleted, so the next request is plainly anonymous.
        AssertSentToLogin(await client.GetAsync(SignedInPage));
    }

    private async Task<HttpClient> LogInAsync(string email)
    {
        await factory.CreateUserAsync(email);
        var client = await factory.LoginAsync(email, PortalAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SignedInPage)).StatusCode);
        return client;
    }

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
