using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.CommunityReview.Panels;
using Portal.Features.CommunityReview.Results;
using Portal.Features.Decisions.Log;
using Portal.Features.Loops;
using Portal.Features.Privacy;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Decisions.Retention;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

/// <summary>A panel item goes with its decision (retention, the log's deletion, its user's opt-out), with its judgements, and the panel's figures follow.</summary>
public sealed class PanelItemsOfLogTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_retention_purge_removes_the_items_of_expired_decisions_with_their_judgements_and_counts_them_in_the_audit()
    {
        var loopId = await factory.LoopWithDecisionsAsync(LoopSettings.Default with { LogRetentionDays = 30 });
        var panelId = await factory.CreatePanelAsync(loopId);
        await JudgeAsync(await factory.InviteAsync(panelId), items: 5);
        var loop = Service<LoopDirectory>().Find(loopId)!;

        // A day before the decisions expire nothing goes; two days after, every item goes with its judgements.
        var early = await RetentionData.PurgeAt(factory, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(29))).PurgeLoopAsync(loop, CancellationToken.None);
        Assert.Equal(0, early[PanelItemsOfLog.Items]);
        Assert.Equal((13, 5), await PanelListAsync(panelId));

        var late = await RetentionData.PurgeAt(factory, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(32))).PurgeLoopAsync(loop, CancellationToken.None);

        Assert.Equal(13, late[PanelItemsOfLog.Items]);
        Assert.Equal(5, late[PanelItemsOfLog.Judgements]);
        var audit = (await new RetentionData(factory).AuditAsync(loopId)).Single().Removed;
        Assert.Equal(13, audit[PanelItemsOfLog.Items]);
        Assert.Equal(5, audit[PanelItemsOfLog.Judgements]);
        Assert.Equal((0, 0), await PanelListAsync(panelId));
        var results = (await Service<PanelResultsQueries>().ForPanelAsync(panelId, CancellationToken.None))!;
        Assert.Equal(0, results.Items);
        Assert.Empty(results.Segments);
    }

    [Fact]
    public async Task Opting_out_removes_that_users_item_and_its_judgement_and_the_panel_counts_one_fewer()
    {
        // The 65+ segment has three decisions (users 0–2) and a quota of five: user 0's decision is in the panel.
        var (loopId, panelId, page) = await factory.ReviewerLinkAsync();
        await JudgeAsync(page, items: 13);

        await Service<OptOutRegistry>().OptOutAsync(loopId, ReviewPanelFixture.UserIdPrefix + "0", OptOutSource.Page, Actor.EndUser, CancellationToken.None);

        Assert.Equal((12, 12), await PanelListAsync(panelId));
        var results = (await Service<PanelResultsQueries>().ForPanelAsync(panelId, CancellationToken.None))!;
        Assert.Equal(12, results.Items);
        Assert.Equal(2, results.Segments.Single(s => s.Segment.Contains("65+")).Items);
    }

    [Fact]
    public async Task Deleting_the_loops_log_deletes_its_panel_items_and_judgements_but_keeps_the_panel()
    {
        var (loopId, panelId, page) = await factory.ReviewerLinkAsync();
        await JudgeAsync(page, items: 3);

        await Service<LoopLogDeletion>().DeleteAsync(loopId, TestActors.Person(null, "admin", PortalRoles.Admin), CancellationToken.None);

        Assert.Equal((0, 0), await PanelListAsync(panelId));
    }

    private async Task JudgeAsync(string page, int items)
    {
        var browser = factory.Browser("203.0.113.91");
        for (var position = 1; position <= items; position++) await browser.JudgeAsync($"{page}?item={position}", "Appropriate");
    }

    /// <summary>Items and judgements as the panels list shows them.</summary>
    private async Task<(int Items, int Judgements)> PanelListAsync(long panelId)
    {
        var panel = (await Service<PanelQueries>().PanelsAsync(CancellationToken.None)).Single(p => p.Id == panelId);
        return (panel.Items, panel.Judgements);
    }
}
