using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Portal.Data.Entities;
using Portal.Features.Feedback.Public;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Features.Oversight.Rules;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Decisions.Retention;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Tickets;

public sealed class TicketDetailPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.ProductOwner);
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    public Task InitializeAsync()
    {
        dialogs = context.RenderProviders();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task The_ticket_shows_the_message_as_text_and_the_decision_it_is_about_with_context_and_explanation()
    {
        var (eventId, link) = await app.RankedDecisionAsync(ageBand: "65+");
        var receipt = await app.SubmitAsync("<img src=x onerror=alert(1)> always the same article", decisionLink: link);

        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, receipt.Reference));

        cut.WaitForAssertion(() => Assert.Contains(eventId, cut.Find("[data-testid=ticket-decision]").TextContent), Wait);
        Assert.Equal("<img src=x onerror=alert(1)> always the same article", cut.Find("[data-testid=ticket-message]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=ticket-message] img"));
        Assert.Contains("65+", cut.Find("[data-testid=decision-context]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=decision-explanation] tr"));
        Assert.Contains("Submitted about decision " + eventId, cut.Find("[data-testid=ticket-history]").TextContent);
    }

    [Fact]
    public async Task Only_the_moves_the_workflow_allows_are_offered_and_a_move_updates_the_ticket()
    {
        var receipt = await app.SubmitAsync("Move me " + Guid.NewGuid().ToString("N"));
        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, receipt.Reference));
        cut.WaitForAssertion(() => cut.Find("[data-testid=ticket-triage]"), Wait);

        Assert.Equal(["move-Triaged"], cut.FindAll("[data-testid^=move-]").Select(b => b.GetAttribute("data-testid")));
        cut.Find("[data-testid=move-Triaged]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Triaged", cut.Find("[data-testid=status-chip]").TextContent.Trim()), Wait);
        Assert.Equal(["move-InProgress", "move-WontFix"], cut.FindAll("[data-testid^=move-]").Select(b => b.GetAttribute("data-testid")));
        Assert.Contains("Status New → Triaged.", cut.Find("[data-testid=ticket-history]").TextContent);
    }

    [Fact]
    public async Task A_reply_is_listed_on_the_ticket_and_reaches_the_status_page_as_text()
    {
        var receipt = await app.SubmitAsync("Reply to me " + Guid.NewGuid().ToString("N"));
        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, receipt.Reference));
        cut.WaitForAssertion(() => cut.Find("[data-testid=ticket-conversation]"), Wait);

        cut.Find("textarea").Input("<b>Fixed</b>, thank you.");
        cut.Find("[data-testid=send-reply]").Click();

        cut.WaitForAssertion(() => Assert.Contains("<b>Fixed</b>, thank you.", cut.Find("[data-testid=comment]").TextContent), Wait);
        Assert.Contains("Replied to the end user.", cut.Find("[data-testid=ticket-history]").TextContent);
        var status = await app.Services.GetRequiredService<TicketStatusQueries>().FindAsync(receipt.StatusToken, CancellationToken.None);
        Assert.Equal("<b>Fixed</b>, thank you.", Assert.Single(status!.Replies).Text);
        var page = await app.Browser().GetStringAsync("/feedback/status/" + receipt.StatusToken);
        Assert.Contains("&lt;b&gt;Fixed&lt;/b&gt;, thank you.", page);
    }

    [Fact]
    public async Task Freezing_the_suggested_action_from_the_ticket_starts_its_reason_with_the_ticket_and_notes_it_in_the_history()
    {
        var loop = await app.LoopWithActionsAsync();
        var (_, link) = await app.RankedDecisionAsync(loop: loop);
        var receipt = await app.SubmitAsync("Freeze it " + Guid.NewGuid().ToString("N"), decisionLink: link);
        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, receipt.Reference));
        cut.WaitForAssertion(() => cut.Find("[data-testid=ticket-decision] [data-testid=freeze-chosen]"), Wait);
        var suggested = cut.Find("[data-testid=decision-action]").TextContent;

        cut.Find("[data-testid=freeze-chosen]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal($"Feedback {receipt.Reference}: ", dialogs.Find("textarea[data-testid=reason]").GetAttribute("value")), Wait);
        dialogs.Find("textarea[data-testid=reason]").Input($"Feedback {receipt.Reference}: reported as unfair");
        dialogs.Find("[data-testid=confirm-freeze]").Click();

        cut.WaitForAssertion(() => Assert.Contains($"Froze '{suggested}' in loop '{loop.LoopId}'.", cut.Find("[data-testid=ticket-history]").TextContent), Wait);
        Assert.Equal($"“{suggested}” is frozen", cut.Find("[data-testid=chosen-frozen]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=freeze-chosen]"));
        var freeze = app.Services.GetRequiredService<ControlState>().Current.For(loop.LoopId).Frozen[suggested];
        Assert.Equal($"Feedback {receipt.Reference}: reported as unfair", freeze.Reason);
    }

    [Fact]
    public async Task A_rule_started_from_the_ticket_is_for_the_decisions_segment_and_is_noted_in_the_history()
    {
        await app.EnsureUserWithIdAsync("productowner-id", "productowner@test.local");
        var loop = await app.LoopWithActionsAsync();
        var (_, link) = await app.RankedDecisionAsync(ageBand: "65+", loop: loop);
        var receipt = await app.SubmitAsync("Rule it " + Guid.NewGuid().ToString("N"), decisionLink: link);
        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, receipt.Reference));
        cut.WaitForAssertion(() => cut.Find("[data-testid=ticket-decision] [data-testid=start-rule]"), Wait);

        cut.Find("[data-testid=start-rule]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal($"Feedback {receipt.Reference}: ", dialogs.Find("textarea[data-testid=reason]").GetAttribute("value")), Wait);
        dialogs.Find("textarea[data-testid=reason]").Input($"Feedback {receipt.Reference}: not for this age group");
        dialogs.Find("[data-testid=create-rule]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Started override rule #", cut.Find("[data-testid=ticket-history]").TextContent), Wait);
        var rule = Assert.Single(await app.Services.GetRequiredService<RuleQueries>().ListAsync(loop.LoopId, openOnly: false, CancellationToken.None));
        Assert.Equal(("user.ageBand = 65+", $"Feedback {receipt.Reference}: not for this age group"), (rule.SegmentName, rule.Reason));
        Assert.Contains($"Started override rule #{rule.Id} for loop '{loop.LoopId}'.", cut.Find("[data-testid=ticket-history]").TextContent);
    }

    [Fact]
    public async Task A_compliance_reviewer_may_freeze_from_the_ticket_but_not_start_a_rule_and_the_decision_is_one_click_away()
    {
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var (eventId, link) = await app.RankedDecisionAsync();
        var receipt = await app.SubmitAsync("Who may act " + Guid.NewGuid().ToString("N"), decisionLink: link);

        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, receipt.Reference));

        cut.WaitForAssertion(() => cut.Find("[data-testid=ticket-decision] [data-testid=decision-actions]"), Wait);
        Assert.NotEmpty(cut.FindAll("[data-testid=freeze-chosen]"));
        Assert.Empty(cut.FindAll("[data-testid=start-rule]"));
        Assert.Empty(cut.FindAll("[data-testid=flag-decision]"));
        Assert.Equal($"decisions/demo/{eventId}", cut.Find("[data-testid=open-decision]").GetAttribute("href"));
    }

    [Fact]
    public async Task Once_its_decision_is_past_the_loops_retention_the_ticket_says_the_decision_is_no_longer_kept()
    {
        var loop = await app.LoopWithActionsAsync(settings: LoopSettings.Default with { LogRetentionDays = 30 });
        var (eventId, link) = await app.RankedDecisionAsync(loop: loop);
        var message = "Old news " + Guid.NewGuid().ToString("N");
        var receipt = await app.SubmitAsync(message, decisionLink: link);
        var monthLater = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(31));
        await RetentionData.PurgeAt(app, monthLater).PurgeLoopAsync(app.Services.GetRequiredService<LoopDirectory>().Find(loop.LoopId)!, CancellationToken.None);

        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, receipt.Reference));

        cut.WaitForAssertion(() => Assert.Contains("No longer kept: the decision was older than its loop's log retention",
            cut.Find("[data-testid=ticket-decision]").TextContent), Wait);
        Assert.Equal(message, cut.Find("[data-testid=ticket-message]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=decision-context]"));
        Assert.DoesNotContain(eventId, cut.Find("[data-testid=ticket-decision]").TextContent);
        Assert.Contains("Submitted about decision " + eventId, cut.Find("[data-testid=ticket-history]").TextContent);
    }

    [Fact]
    public void An_unknown_ticket_says_so()
    {
        var cut = context.Render<TicketDetailPage>(p => p.Add(x => x.Reference, "FB-NOPE22"));

        cut.WaitForAssertion(() => Assert.Contains("There is no ticket 'FB-NOPE22'", cut.Markup), Wait);
    }
}
