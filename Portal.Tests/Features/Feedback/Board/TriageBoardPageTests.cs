using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Data;
using Portal.Features.Feedback.Board;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Board;

public sealed class TriageBoardPageTests : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly PortalAppFactory app;
    private readonly BunitContext context;
    private readonly IRenderedComponent<MudPopoverProvider> popovers;

    public TriageBoardPageTests(PortalAppFactory app)
    {
        this.app = app;
        context = ComponentTestContext.Create(app, PortalRoles.ComplianceReviewer);
        popovers = context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task The_board_lists_new_tickets_with_priority_and_status_and_shows_a_script_in_the_message_as_text()
    {
        var receipt = await app.SubmitAsync("<script>alert('board')</script> unfair to me " + Guid.NewGuid().ToString("N"));

        var cut = context.Render<TriageBoardPage>();

        cut.WaitForAssertion(() => Assert.Contains(receipt.Reference, cut.Markup), Wait);
        var row = RowOf(cut, receipt.Reference);
        Assert.Contains("P2", row.TextContent);
        Assert.Contains("New", row.TextContent);
        Assert.Contains("<script>alert('board')</script>", row.TextContent);
        Assert.DoesNotContain("<script>alert", cut.Markup);
    }

    [Fact]
    public async Task Quick_search_narrows_the_board_to_the_matching_ticket()
    {
        var wanted = await app.SubmitAsync("Find me " + Guid.NewGuid().ToString("N"));
        await app.SubmitAsync("Someone else " + Guid.NewGuid().ToString("N"));
        var cut = context.Render<TriageBoardPage>();
        cut.WaitForAssertion(() => Assert.Contains(wanted.Reference, cut.Markup), Wait);

        cut.Find("input[data-testid=ticket-search]").Input(wanted.Reference);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=ticket-board] tbody tr.mud-table-row")), Wait);
        Assert.Contains(wanted.Reference, RowOf(cut, wanted.Reference).TextContent);
    }

    [Fact]
    public async Task Selected_tickets_are_assigned_in_one_go()
    {
        var first = await app.SubmitAsync("Bulk one " + Guid.NewGuid().ToString("N"));
        var second = await app.SubmitAsync("Bulk two " + Guid.NewGuid().ToString("N"));
        var reviewerId = await app.CreateUserAsync("bulk-cr@test.local", PortalRoles.ComplianceReviewer);
        var cut = context.Render<TriageBoardPage>();
        cut.WaitForAssertion(() => Assert.Contains(second.Reference, cut.Markup), Wait);

        RowOf(cut, first.Reference).QuerySelector("input[type=checkbox]")!.Change(true);
        RowOf(cut, second.Reference).QuerySelector("input[type=checkbox]")!.Change(true);
        cut.WaitForAssertion(() => Assert.Contains("2 selected", cut.Find("[data-testid=bulk-actions]").TextContent), Wait);
        cut.Find("[data-testid=bulk-assign] button").Click();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("bulk-cr@test.local")).Click(), Wait);

        await Eventually.TrueAsync(() => AssigneesOf(first.Reference, second.Reference).All(a => a == reviewerId));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=bulk-actions]")), Wait);
    }

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<TriageBoardPage> cut, string reference) =>
        cut.FindAll("[data-testid=ticket-board] tbody tr").Single(r => r.TextContent.Contains(reference));

    private List<string?> AssigneesOf(params string[] references)
    {
        using var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        return db.FeedbackTickets.Where(t => references.Contains(t.Reference)).Select(t => t.AssigneeId).ToList();
    }
}
