using Bunit;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Loops;

public sealed class LoopsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    /// <summary>An administrator opens the Loops page and clicks New loop.</summary>
    private (IRenderedComponent<LoopsPage> Page, IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs) OpenNewLoopDialog()
    {
        context.SignInAs(PortalRoles.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<LoopsPage>();
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Contains("New loop")));
        page.FindAll("button").Single(b => b.TextContent.Contains("New loop")).Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=loop-id]"));
        return (page, dialogs);
    }

    [Fact]
    public void The_list_shows_the_demo_loop_with_a_link_to_it()
    {
        context.SignInAs(PortalRoles.ComplianceReviewer);

        var cut = context.Render<LoopsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Demo: news articles", cut.Markup));
        Assert.NotNull(cut.Find("a[href='loops/demo']"));
    }

    [Theory]
    [InlineData(PortalRoles.Admin, true)]
    [InlineData(PortalRoles.ProductOwner, false)]
    [InlineData(PortalRoles.ComplianceReviewer, false)]
    public void Only_an_administrator_is_offered_New_loop(string role, bool offered)
    {
        context.SignInAs(role);

        var cut = context.Render<LoopsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Demo: news articles", cut.Markup));
        Assert.Equal(offered, cut.FindAll("button").Any(b => b.TextContent.Contains("New loop")));
    }

    [Fact]
    public void Creating_a_loop_shows_its_key_once_and_lists_it()
    {
        var (cut, providers) = OpenNewLoopDialog();
        providers.Find("input[data-testid=loop-id]").Change("home-hero");
        providers.Find("input[data-testid=loop-name]").Change("Home page hero");
        providers.Find("[data-testid=create-loop]").Click();

        providers.WaitForAssertion(() => Assert.StartsWith("ptl_", providers.Find("input[data-testid=secret]").GetAttribute("value")));
        cut.WaitForAssertion(() => Assert.Contains("Home page hero", cut.Markup));
    }

    [Fact]
    public void A_bad_loop_id_is_explained_next_to_the_field()
    {
        var (_, providers) = OpenNewLoopDialog();
        providers.Find("input[data-testid=loop-id]").Change("Bad Id!");
        providers.Find("input[data-testid=loop-name]").Change("Something");
        providers.Find("[data-testid=create-loop]").Click();

        providers.WaitForAssertion(() => Assert.Contains("lowercase letters, digits or dashes", providers.Markup));
    }
}
