using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.CommunityReview.Panels;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

/// <summary>A compliance reviewer or admin deletes a panel after confirming: its items, links and judgements go, its tickets stay, the audit says so.</summary>
public sealed class PanelDeletionTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(factory);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_compliance_reviewer_deletes_a_panel_after_confirming_and_its_tickets_stay()
    {
        var (loopId, panelId, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.92");
        await browser.JudgeAsync($"{page}?item=1", "Appropriate");
        await browser.JudgeAsync($"{page}?item=2", "Irrelevant", askForTicket: true);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var ticket = await db.ReviewJudgements.Where(j => j.PanelId == panelId && j.TicketReference != null).Select(j => j.TicketReference).SingleAsync();
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var dialogs = context.RenderProviders();
        var cut = context.Render<ReviewPanelPage>(p => p.Add(x => x.Id, panelId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=delete-panel]"));

        cut.Find("[data-testid=delete-panel]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Tickets its judgements opened stay", dialogs.Markup));
        Assert.True(await db.ReviewPanels.AnyAsync(p => p.Id == panelId), "nothing is deleted before the confirmation");
        dialogs.Find("[data-testid=confirm]").Click();

        cut.WaitForAssertion(() => Assert.False(db.ReviewPanels.Any(p => p.Id == panelId)));
        Assert.Equal(0, await db.ReviewPanelItems.CountAsync(i => i.PanelId == panelId));
        Assert.Equal(0, await db.ReviewInvitations.CountAsync(i => i.PanelId == panelId));
        Assert.Equal(0, await factory.JudgementsAsync(panelId));
        Assert.True(await db.FeedbackTickets.AnyAsync(t => t.Reference == ticket));
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == PanelService.DeletedAction && e.TargetId == panelId.ToString());
        Assert.Equal(loopId, entry.LoopId);
        Assert.Contains("\"judgements\":2", entry.Before);
        Assert.Contains(ticket!, entry.Before);
        Assert.EndsWith("/review-panels", context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_product_owner_sees_no_delete_button_and_the_service_refuses_them()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panelId = await factory.CreatePanelAsync(loopId);
        context.SignInAs(PortalRoles.ProductOwner);

        var cut = context.Render<ReviewPanelPage>(p => p.Add(x => x.Id, panelId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=panel-facts]"));
        Assert.Empty(cut.FindAll("[data-testid=delete-panel]"));
        var service = factory.Services.GetRequiredService<PanelService>();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            service.DeleteAsync(panelId, TestActors.Person("po-id", "po@test.local", PortalRoles.ProductOwner), CancellationToken.None));
        Assert.True(await service.DeleteAsync(panelId, TestActors.Admin(), CancellationToken.None));
        Assert.False(await service.DeleteAsync(panelId, TestActors.Admin(), CancellationToken.None));
    }
}
