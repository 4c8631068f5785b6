using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Oversight;
using Portal.Features.Oversight.Rules;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight.Pages;

public sealed class RuleDialogTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.ProductOwner);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task An_incomplete_rule_is_refused_with_a_message_next_to_each_missing_field()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();

        var dialogs = context.RenderProviders();
        await ShowAsync(dialogs, new DialogParameters<RuleDialog> { { d => d.LoopId, loopId } });

        dialogs.Find("[data-testid=create-rule]").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Choose the segment the rule applies to.", dialogs.Markup);
            Assert.Contains("Choose at least one action to exclude.", dialogs.Markup);
            Assert.Contains("A reason is required.", dialogs.Markup);
        });
        Assert.Empty(await app.Services.GetRequiredService<RuleQueries>().ListAsync(loopId, openOnly: false, CancellationToken.None));
    }

    [Fact]
    public async Task Started_from_a_decision_it_offers_its_segments_estimates_the_impact_and_creates_a_pending_rule()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        await app.EnsureUserWithIdAsync("productowner-id", "productowner@test.local");

        var dialogs = context.RenderProviders();
        var segment = SegmentChoices.Automatic("user.ageBand", "25-34");
        await ShowAsync(dialogs, new DialogParameters<RuleDialog>
        {
            { d => d.LoopId, loopId }, { d => d.ExtraSegments, [segment] }, { d => d.SegmentKey, segment.Key }, { d => d.ActionId, "action-1" },
        });

        dialogs.WaitForAssertion(() => Assert.Contains("were in this segment; this rule would have changed", dialogs.Find("[data-testid=rule-impact]").TextContent));
        dialogs.Find("textarea[data-testid=reason]").Input("Complaints about action 1");
        dialogs.Find("[data-testid=create-rule]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=create-rule]")));
        var rule = Assert.Single(await app.Services.GetRequiredService<RuleQueries>().ListAsync(loopId, openOnly: false, CancellationToken.None));
        Assert.Equal(("user.ageBand = 25-34", "exclude action-1", RuleState.PendingApproval, "productowner@test.local"),
            (rule.SegmentName, rule.Effect, rule.State, rule.AuthorName));
    }

    [Fact]
    public async Task An_estimate_for_earlier_choices_that_finishes_late_does_not_replace_what_the_current_choices_show()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        var samples = new HeldFirstRead(app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        context.Services.AddSingleton(new RuleImpact(new DecisionSamples(samples)));

        // Opened from a decision: the estimate for "exclude action-1" starts at once and is held in its read.
        var dialogs = context.RenderProviders();
        var segment = SegmentChoices.Automatic("user.ageBand", "25-34");
        await ShowAsync(dialogs, new DialogParameters<RuleDialog>
        {
            { d => d.LoopId, loopId }, { d => d.ExtraSegments, [segment] }, { d => d.SegmentKey, segment.Key }, { d => d.ActionId, "action-1" },
        });
        await samples.Held.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The person switches to forcing an action and has not picked one yet: there is nothing to estimate.
        var kind = dialogs.FindComponent<MudRadioGroup<OverrideKind>>();
        await dialogs.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(OverrideKind.ForceAction));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=rule-force-action]"));
        Assert.Empty(dialogs.FindAll("[data-testid=rule-impact]"));

        // The earlier estimate finishes now, and the dialog renders once it has.
        var dialog = dialogs.FindComponent<RuleDialog>();
        var renders = dialog.RenderCount;
        samples.Release.SetResult();
        dialog.WaitForState(() => dialog.RenderCount > renders, TimeSpan.FromSeconds(30));

        Assert.Empty(dialogs.FindAll("[data-testid=rule-impact]"));
    }

    /// <summary>Holds the first read of decisions until <see cref="Release"/>; every later read goes straight through.</summary>
    private sealed class HeldFirstRead(IDbContextFactory<PortalDbContext> inner) : IDbContextFactory<PortalDbContext>
    {
        private int reads;

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PortalDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref reads) == 1)
            {
                Held.SetResult();
                await Release.Task.WaitAsync(ct);
            }
            return await inner.CreateDbContextAsync(ct);
        }
    }

    private async Task ShowAsync(IRenderedComponent<MudDialogProvider> dialogs, DialogParameters<RuleDialog> parameters)
    {
        var service = context.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<RuleDialog>("New rule", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=create-rule]"));
    }
}
