using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.CommunityReview.Panels;
using Portal.Features.Privacy.Requests;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

/// <summary>A data-subject request reaches the panel items drawn from the person's decisions, and their judgements.</summary>
public sealed class SubjectPanelItemsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_persons_panel_item_is_found_exported_and_erased_with_its_judgements()
    {
        // The 65+ segment has three decisions (users 0–2) and a quota of five: user 0's decision is in the panel.
        var (_, panelId, page) = await factory.ReviewerLinkAsync();
        var userId = ReviewPanelFixture.UserIdPrefix + "0";
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var browser = factory.Browser("203.0.113.90");
        for (var position = 1; position <= 13; position++) await browser.JudgeAsync($"{page}?item={position}", "Appropriate");

        var found = await factory.Services.GetRequiredService<SubjectSearch>().FindAsync(SubjectQuery.ByUserId(userId), TestActors.Admin(), null, CancellationToken.None);
        using var export = new MemoryStream();
        await factory.Services.GetRequiredService<SubjectExport>().WriteAsync(found, TestActors.Admin(), export, CancellationToken.None);
        var result = await factory.Services.GetRequiredService<SubjectErasure>().EraseAsync(SubjectQuery.ByUserId(userId), false, TestActors.Admin(), null, CancellationToken.None);

        Assert.Equal(1, found.CountOf(SubjectPanelItems.Kind));
        var exported = System.Text.Json.JsonDocument.Parse(export.ToArray()).RootElement.GetProperty(SubjectPanelItems.Kind);
        Assert.Equal("Appropriate", exported[0].GetProperty("judgements")[0].GetProperty("verdict").GetString());
        Assert.Equal(1, result.Erased.Single(c => c.Kind == SubjectPanelItems.Kind).Count);
        Assert.Equal(12, await db.ReviewPanelItems.CountAsync(i => i.PanelId == panelId));
        Assert.Equal(12, await db.ReviewJudgements.CountAsync(j => j.PanelId == panelId));
        Assert.Equal(0, (await factory.Services.GetRequiredService<SubjectSearch>().FindAsync(SubjectQuery.ByUserId(userId), TestActors.Admin(), null, CancellationToken.None))
            .CountOf(SubjectPanelItems.Kind));
    }
}
