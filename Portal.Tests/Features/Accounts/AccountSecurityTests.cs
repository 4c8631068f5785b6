using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts;

public sealed class AccountSecurityTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_first_administrator_is_created_with_the_configured_credentials_and_can_log_in()
    {
        var client = await factory.LoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PortalAppFactory.AdminEmail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await factory.CreateUserAsync("lockme@test.local", PortalRoles.ProductOwner);
        var browser = factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++) await browser.PostLoginAsync("lockme@test.local", "wrong-password-" + i);

        var response = await browser.PostLoginAsync("lockme@test.local", PortalAppFactory.UserPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Lockout", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
    }

    [Fact]
    public void Passwords_need_12_characters_without_composition_rules_and_hash_with_210000_iterations()
    {
        var identity = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var hashing = factory.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        Assert.Equal(12, identity.Password.RequiredLength);
        Assert.False(identity.Password.RequireDigit || identity.Password.RequireUppercase || identity.Password.RequireNonAlphanumeric);
        Assert.True(hashing.IterationCount >= 210_000);
        Assert.Equal(TimeSpan.FromMinutes(5), identity.Lockout.DefaultLockoutTimeSpan);
    }

    [Fact]
    public void Sessions_are_revalidated_at_least_every_minute()
    {
        var validator = factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;

        Assert.True(validator.ValidationInterval <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves_out()
    {
        var admin = factory.Services.GetRequiredService<UserAdministration>();
        var id = await factory.CreateUserAsync("self@test.local", PortalRoles.Admin);

        var result = await admin.SetLockedAsync(id, locked: true, TestActors.Admin(id, "self@test.local"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("your own", result.Error);
    }

}
