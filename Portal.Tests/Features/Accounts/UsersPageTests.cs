using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts;

public sealed class UsersPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.Admin);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    /// <summary>An administrator opens the Users page and clicks New user; returns where the dialog renders.</summary>
    private IRenderedComponent<MudBlazor.MudDialogProvider> OpenNewUserDialog()
    {
        var dialogs = context.RenderProviders();
        var cut = context.Render<UsersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-user]"));
        cut.Find("[data-testid=new-user]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=user-email]"));
        return dialogs;
    }

    [Fact]
    public void The_list_shows_every_user_with_roles_and_status()
    {
        var cut = context.Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.Contains(PortalAppFactory.AdminEmail, cut.Markup));
        Assert.Contains("Active", cut.Markup);
    }

    [Fact]
    public async Task Creating_a_user_shows_a_generated_password_once_and_the_user_can_sign_in_with_it()
    {
        var dialogs = OpenNewUserDialog();
        dialogs.Find("input[data-testid=user-email]").Change("reviewer@example.org");
        dialogs.Find("input[data-testid=role-ComplianceReviewer]").Change(true);
        dialogs.Find("[data-testid=save-user]").Click();

        string? password = null;
        dialogs.WaitForAssertion(() => Assert.Equal(20, (password = dialogs.Find("input[data-testid=secret]").GetAttribute("value"))?.Length));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("reviewer@example.org");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password!));
        Assert.True(await users.IsInRoleAsync(user, PortalRoles.ComplianceReviewer));
    }

    [Fact]
    public void An_invalid_email_is_explained_next_to_the_field()
    {
        var dialogs = OpenNewUserDialog();
        dialogs.Find("input[data-testid=user-email]").Change("not-an-email");
        dialogs.Find("[data-testid=save-user]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Enter a valid email address.", dialogs.Markup));
    }

    [Fact]
    public void A_user_needs_at_least_one_role()
    {
        var dialogs = OpenNewUserDialog();
        dialogs.Find("input[data-testid=user-email]").Change("noroles@example.org");
        dialogs.Find("[data-testid=save-user]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Choose at least one role.", dialogs.Find("[data-testid=user-error]").TextContent));
    }
}
