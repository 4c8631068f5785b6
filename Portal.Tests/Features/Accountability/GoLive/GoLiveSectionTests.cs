using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Accountability.GoLive;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accountability.GoLive;

/// <summary>The go-live review on the loop's Accountability tab: who may act, the record and withdraw dialogs, the history.</summary>
public sealed class GoLiveSectionTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private GoLiveQueries Queries => app.Services.GetRequiredService<GoLiveQueries>();

    public static TheoryData<string, bool> Roles() => new()
    {
        { PortalRoles.ComplianceReviewer, true }, { PortalRoles.Admin, true }, { PortalRoles.ProductOwner, false },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Only_compliance_reviewers_and_administrators_get_the_record_and_withdraw_buttons_everyone_sees_the_status(string role, bool acts)
    {
        var (gated, _) = await app.CreateLoopAsync(goLiveReview: false);
        var (live, _) = await app.CreateLoopAsync();
        context.SignInAs(role);

        var awaiting = context.Render<GoLiveSection>(p => p.Add(x => x.LoopId, gated));
        var reviewed = context.Render<GoLiveSection>(p => p.Add(x => x.LoopId, live));

        awaiting.WaitForAssertion(() => Assert.Contains("Awaiting go-live review", awaiting.Find("[data-testid=golive-status]").TextContent));
        reviewed.WaitForAssertion(() => Assert.Contains("Go-live reviewed by golive-reviewer@test.local", reviewed.Find("[data-testid=golive-status]").TextContent));
        Assert.Contains("TEST-LEGAL-1", reviewed.Find("[data-testid=golive-checklist]").TextContent);
        Assert.Equal(acts, awaiting.FindAll("[data-testid=golive-record]").Count == 1);
        Assert.Equal(acts, reviewed.FindAll("[data-testid=golive-withdraw]").Count == 1);
    }

    [Fact]
    public async Task Recording_an_incomplete_checklist_shows_each_message_beside_its_item_and_stores_nothing_then_the_complete_one_is_recorded()
    {
        var (loopId, _) = await app.CreateLoopAsync(goLiveReview: false);
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var dialogs = context.RenderProviders();
        var cut = context.Render<GoLiveSection>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=golive-record]"));
        cut.Find("[data-testid=golive-record]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("none is published (checked by Portal)", dialogs.Find("[data-testid=golive-statement]").TextContent));

        dialogs.Find("[data-testid=confirm-golive]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("The legal review must be done", dialogs.Find("[data-testid=golive-legal-error]").TextContent));
        Assert.Contains("The legal review's reference is required", dialogs.Markup);
        Assert.Contains("Check the loop's features for sensitive inputs", dialogs.Find("[data-testid=golive-sensitive-error]").TextContent);
        Assert.Contains("The application must honour opt-out", dialogs.Find("[data-testid=golive-optout-error]").TextContent);
        Assert.Contains("say in the note why it may go live without one", dialogs.Markup);
        Assert.Empty((await Queries.StatusAsync(loopId, CancellationToken.None))!.History);

        dialogs.RecordComplete("LEGAL-BUNIT-1", "The statement is being written.");

        cut.WaitForAssertion(() => Assert.Contains("Go-live reviewed by compliancereviewer@test.local", cut.Find("[data-testid=golive-status]").TextContent));
        var current = (await Queries.StatusAsync(loopId, CancellationToken.None))!.Current!;
        Assert.Equal(("LEGAL-BUNIT-1", "The statement is being written."), (current.LegalReference, current.Note));
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_beside_the_field_then_the_loop_awaits_its_review_and_the_history_keeps_the_reason()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        context.SignInAs(PortalRoles.Admin);
        var dialogs = context.RenderProviders();
        var cut = context.Render<GoLiveSection>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=golive-withdraw]"));
        cut.Find("[data-testid=golive-withdraw]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-golive-withdraw]"));
        dialogs.Find("[data-testid=confirm-golive-withdraw]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("A reason is required.", dialogs.Markup));
        Assert.True((await Queries.StatusAsync(loopId, CancellationToken.None))!.IsLive);

        dialogs.Find("textarea[data-testid=golive-withdraw-reason]").Input("The legal review expired.");
        dialogs.Find("[data-testid=confirm-golive-withdraw]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Awaiting go-live review", cut.Find("[data-testid=golive-status]").TextContent));
        Assert.Contains("The legal review expired.", cut.Find("[data-testid=golive-history]").TextContent);
        Assert.False((await Queries.StatusAsync(loopId, CancellationToken.None))!.IsLive);
    }
}
