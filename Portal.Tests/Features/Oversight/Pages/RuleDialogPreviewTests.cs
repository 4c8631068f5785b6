using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Data.Entities;
using Portal.Features.Oversight.Preview;
using Portal.Features.Oversight.Rules;
using Portal.Features.Segments;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight.Pages;

/// <summary>The new-rule dialog previews the change in reward once loop, segment and actions are chosen, and again when they change.</summary>
public sealed class RuleDialogPreviewTests(PortalAppFactory app) : DialogPreviewTestBase(app), IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Until_a_segment_and_actions_are_chosen_there_is_nothing_to_preview()
    {
        var (loopId, _) = await App.LoopWithActionsAsync();

        var dialogs = await OpenAsync(new DialogParameters<RuleDialog> { { d => d.LoopId, loopId } });

        Assert.Empty(dialogs.FindAll("[data-testid=change-preview]"));
        Assert.Empty(Previewer.Rules);
    }

    [Fact]
    public async Task A_complete_rule_shows_its_estimated_change_in_reward_and_a_new_kind_is_estimated_again()
    {
        var (loopId, _) = await App.LoopWithActionsAsync();
        var segment = SegmentChoices.Automatic("user.ageBand", "25-34");

        var dialogs = await OpenAsync(new DialogParameters<RuleDialog>
        {
            { d => d.LoopId, loopId }, { d => d.ExtraSegments, [segment] }, { d => d.SegmentKey, segment.Key }, { d => d.ActionId, "action-1" },
        });
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=preview-running]"), Patience);
        // The estimates run off the renderer: a call to the previewer renders nothing, so it is polled for.
        await Eventually.TrueAsync(() => Previewer.Rules.Length > 0);
        Assert.Equal((OverrideKind.ExcludeActions, "action-1"), (Previewer.Rules[0].Kind, string.Join(",", Previewer.Rules[0].ActionIds)));
        var first = Previewer.Rules[0].Token;

        dialogs.FindAll("[data-testid=rule-kind] input").Last().Click();

        await Eventually.TrueAsync(() => Previewer.Rules[^1].Kind == OverrideKind.ServeBaseline);
        Assert.True(first.IsCancellationRequested, "the estimate for the former choice is cancelled");
        Previewer.Answer.SetResult(new ChangePreview(0.021, 0.008, 0.034, 0.21, 5_400, 812, "DR", TimeSpan.FromDays(7), null));
        dialogs.WaitForAssertion(() => Assert.Contains("+0.021 per decision (95% interval +0.008 to +0.034)",
            dialogs.Find("[data-testid=preview-estimate]").TextContent), Patience);
        Assert.Single(Previewer.Rules, r => r.Kind == OverrideKind.ServeBaseline);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(DialogParameters<RuleDialog> parameters)
    {
        var dialogs = Context.RenderProviders();
        var service = Context.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<RuleDialog>("New rule", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=create-rule]"));
        return dialogs;
    }
}
