using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Oversight.Controls;
using Portal.Features.Oversight.Preview;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight.Pages;

/// <summary>The freeze dialog's preview of the change in reward: running, the figure, too few data, cancelled on close.</summary>
public sealed class FreezeDialogPreviewTests(PortalAppFactory app) : DialogPreviewTestBase(app), IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_dialog_opens_at_once_and_shows_the_estimated_change_with_its_interval_when_it_is_ready()
    {
        var dialogs = await OpenAsync();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=preview-running]"), Patience);
        Assert.NotNull(dialogs.Find("[data-testid=confirm-freeze]"));
        Previewer.Answer.SetResult(new ChangePreview(-0.0123, -0.03, 0.004, 0.21, 5_400, 812, "DR", TimeSpan.FromDays(7), null));

        dialogs.WaitForAssertion(() =>
        {
            var text = dialogs.Find("[data-testid=preview-estimate]").TextContent;
            Assert.Contains("−0.012 per decision (95% interval −0.030 to +0.004)", text);
            Assert.Contains("5,400 decisions of the last 7 days (DR)", text);
            Assert.Contains("The data cannot tell a gain from a loss.", text);
        }, Patience);
        Assert.Equal(["action-2"], Previewer.Frozen);
    }

    [Fact]
    public async Task Too_few_data_is_said_plainly_and_no_figure_is_shown()
    {
        var dialogs = await OpenAsync();
        Previewer.Answer.SetResult(ChangePreview.TooFewData("no decision of the last 7 days was learned from", TimeSpan.FromDays(7)));

        dialogs.WaitForAssertion(() => Assert.Contains("Too few data to estimate the change in reward: no decision of the last 7 days was learned from.",
            dialogs.Find("[data-testid=preview-too-few]").TextContent), Patience);
        Assert.Empty(dialogs.FindAll("[data-testid=preview-estimate]"));
    }

    [Fact]
    public async Task Closing_the_dialog_cancels_the_running_preview()
    {
        var dialogs = await OpenAsync();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=preview-running]"), Patience);

        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.True(Previewer.Token.IsCancellationRequested), Patience);
    }

    private async Task<IRenderedComponent<MudBlazor.MudDialogProvider>> OpenAsync()
    {
        var (loopId, _) = await App.LoopWithActionsAsync();
        var dialogs = Context.RenderProviders();
        var service = Context.Services.GetRequiredService<MudBlazor.IDialogService>();
        var parameters = new MudBlazor.DialogParameters<FreezeDialog>
        {
            { d => d.LoopId, loopId }, { d => d.Actions, [new CatalogEntry("action-2", "Summer sale")] }, { d => d.ActionId, "action-2" },
        };
        await dialogs.InvokeAsync(() => service.ShowAsync<FreezeDialog>("Freeze", parameters));
        return dialogs;
    }
}
