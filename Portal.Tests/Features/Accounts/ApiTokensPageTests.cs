using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Accounts.Tokens;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts;

public sealed class ApiTokensPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.ProductOwner);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_new_token_is_shown_once_listed_by_its_last_characters_and_can_be_revoked()
    {
        await app.EnsureUserWithIdAsync("productowner-id", "productowner@test.local");

        var dialogs = context.RenderProviders();
        var cut = context.Render<ApiTokensPage>();

        cut.Find("[data-testid=create-token]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Give the token a name", cut.Markup));
        cut.Find("input[data-testid=token-name]").Change("nightly job");
        cut.Find("[data-testid=create-token]").Click();

        dialogs.WaitForAssertion(() => Assert.StartsWith("ptk_", dialogs.Find("input[data-testid=secret]").GetAttribute("value")));
        var token = dialogs.Find("input[data-testid=secret]").GetAttribute("value")!;
        var listed = (await app.Services.GetRequiredService<ApiTokenService>().ListAsync("productowner-id", CancellationToken.None)).Single(t => t.Name == "nightly job");
        Assert.Equal(token[^4..], listed.Hint);
        cut.WaitForAssertion(() => Assert.Contains("…" + token[^4..], cut.Find("[data-testid=tokens-table]").TextContent));
    }
}
