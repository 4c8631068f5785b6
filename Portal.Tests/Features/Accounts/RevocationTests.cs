using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Accounts;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts;

/// <summary>
/// A demoted or locked user's existing session stops working at the next validation. Production validates every
/// minute; this factory validates on every request so the test need not wait.
/// </summary>
public sealed class RevocationTests(RevocationTests.EveryRequestValidation factory) : IClassFixture<RevocationTests.EveryRequestValidation>
{
    public sealed class EveryRequestValidation : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task A_demoted_administrator_can_no_longer_open_the_users_page()
    {
        var id = await factory.CreateUserAsync("demoted@test.local", PortalRoles.Admin, PortalRoles.ProductOwner);
        var browser = await factory.LoginAsync("demoted@test.local", PortalAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);

        var changed = await factory.Services.GetRequiredService<UserAdministration>()
            .SetRolesAsync(id, [PortalRoles.ProductOwner], TestActors.Admin("another-admin", "another-admin@test.local"), CancellationToken.None);
        var after = await browser.GetAsync("/admin/users");

        Assert.True(changed.Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_locked_user_is_signed_out_of_an_open_session()
    {
        var id = await factory.CreateUserAsync("locked@test.local", PortalRoles.ComplianceReviewer);
        var browser = await factory.LoginAsync("locked@test.local", PortalAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/loops")).StatusCode);

        await factory.Services.GetRequiredService<UserAdministration>().SetLockedAsync(id, locked: true, TestActors.Admin("another-admin", "another-admin@test.local"), CancellationToken.None);
        var after = await browser.GetAsync("/loops");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logging_out_ends_the_users_other_sessions_too()
    {
        await factory.CreateUserAsync("two-devices@test.local", PortalRoles.ComplianceReviewer);
        var laptop = await factory.LoginAsync("two-devices@test.local", PortalAppFactory.UserPassword);
        var phone = await factory.LoginAsync("two-devices@test.local", PortalAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/loops")).StatusCode);

        var token = await laptop.AntiforgeryTokenAsync("/loops");
        var logout = await laptop.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = "loops",
        }));
        var after = await phone.GetAsync("/loops");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }
}
