using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Oversight;
using Portal.Features.Oversight.Controls;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight.Pages;

public sealed class ControlsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_loop_awaiting_its_go_live_review_says_so_beside_its_mode_and_links_to_its_accountability_tab()
    {
        var (waiting, _) = await app.CreateLoopAsync(goLiveReview: false);
        var (reviewed, _) = await app.CreateLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);

        var cut = context.Render<ControlsPage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=controls-{reviewed}]"));
        Assert.Equal("Awaiting go-live review", cut.Find($"[data-testid=golive-awaiting-{waiting}]").TextContent.Trim());
        Assert.Contains("serves only the baseline", cut.Find($"[data-testid=golive-note-{waiting}]").TextContent);
        Assert.Equal($"/loops/{waiting}?tab=accountability", cut.Find($"[data-testid=golive-link-{waiting}]").GetAttribute("href"));
        Assert.Empty(cut.FindAll($"[data-testid=golive-awaiting-{reviewed}]"));
        Assert.Empty(cut.FindAll($"[data-testid=golive-note-{reviewed}]"));

        await app.RecordGoLiveReviewAsync(waiting);
        var refreshed = context.Render<ControlsPage>();
        refreshed.WaitForAssertion(() => refreshed.Find($"[data-testid=controls-{waiting}]"));
        Assert.Empty(refreshed.FindAll($"[data-testid=golive-awaiting-{waiting}]"));
    }

    [Fact]
    public async Task A_compliance_reviewer_may_freeze_but_sees_no_kill_switch_button()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ComplianceReviewer);

        var cut = context.Render<ControlsPage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=controls-{loopId}]"));
        Assert.NotEmpty(cut.FindAll($"[data-testid=freeze-{loopId}]"));
        Assert.Empty(cut.FindAll($"[data-testid=toggle-kill-switch-{loopId}]"));
        Assert.Empty(cut.FindAll("[data-testid=toggle-kill-switch-all]"));
    }

    [Fact]
    public async Task A_product_owner_pulls_a_loops_kill_switch_with_a_reason_and_the_page_shows_it()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        var dialogs = context.RenderProviders();
        var cut = context.Render<ControlsPage>();
        cut.WaitForAssertion(() => cut.Find($"[data-testid=toggle-kill-switch-{loopId}]"));

        cut.Find($"[data-testid=toggle-kill-switch-{loopId}]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-reason]"));
        dialogs.Find("[data-testid=confirm-reason]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Reason is required", dialogs.Markup));
        dialogs.Find("textarea[data-testid=reason]").Input("Bad suggestions after the catalog import");
        dialogs.Find("[data-testid=confirm-reason]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Kill switch ON", cut.Find($"[data-testid=kill-switch-{loopId}]").TextContent));
        Assert.True(app.Services.GetRequiredService<ControlState>().Current.For(loopId).KillSwitch);
    }

    [Fact]
    public async Task A_freeze_made_elsewhere_appears_on_an_open_page()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var cut = context.Render<ControlsPage>();
        cut.WaitForAssertion(() => cut.Find($"[data-testid=controls-{loopId}]"));

        await app.Services.GetRequiredService<FreezeService>()
            .FreezeAsync(loopId, "action-1", "Recalled product", null, TestActors.Person("someone", "someone@test.local", PortalRoles.ProductOwner), CancellationToken.None);

        cut.WaitForAssertion(() => Assert.Contains("Recalled product", cut.Find($"[data-testid=controls-{loopId}] [data-testid=frozen-actions]").TextContent),
            TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task The_freeze_dialog_asks_for_a_reason_before_it_freezes()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        var dialogs = context.RenderProviders();
        var service = context.Services.GetRequiredService<MudBlazor.IDialogService>();
        var parameters = new MudBlazor.DialogParameters<FreezeDialog>
        {
            { d => d.LoopId, loopId }, { d => d.Actions, [new CatalogEntry("action-2", "Summer sale")] }, { d => d.ActionId, "action-2" },
        };
        await dialogs.InvokeAsync(() => service.ShowAsync<FreezeDialog>("Freeze", parameters));

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-freeze]"));
        dialogs.Find("[data-testid=confirm-freeze]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("A reason is required.", dialogs.Markup));
        Assert.False(app.Services.GetRequiredService<ControlState>().Current.For(loopId).Frozen.ContainsKey("action-2"));
        dialogs.Find("textarea[data-testid=reason]").Input("Sale is over");
        dialogs.Find("[data-testid=confirm-freeze]").Click();

        dialogs.WaitForAssertion(() => Assert.True(app.Services.GetRequiredService<ControlState>().Current.For(loopId).Frozen.ContainsKey("action-2")));
    }
}
