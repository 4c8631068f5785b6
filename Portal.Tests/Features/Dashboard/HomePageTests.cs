using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Dashboard;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Dashboard;

/// <summary>The overview page, on a loop with a known history (see <see cref="DashboardData"/>) seen from a fixed moment.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HomePageTests(PortalAppFactory app) : IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.ProductOwner);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Each_loop_card_shows_decisions_per_minute_and_the_hours_reward_against_the_baseline()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(app);
        context.Services.AddSingleton(DashboardData.Queries(app, clock));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: false));

        var cut = context.Render<HomePage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=loop-card-{loopId}]"));
        var card = cut.Find($"[data-testid=loop-card-{loopId}]");
        Assert.Equal("3", card.QuerySelector("[data-testid=decisions-per-minute]")!.TextContent.Trim());
        Assert.Equal("0.400", Figure(card, "Average reward, last hour"));
        Assert.Equal("0.550", Figure(card, "Baseline's reward (estimated)"));
        Assert.Equal("4", Figure(card, "Settled decisions, last hour"));
        Assert.Equal("2", Figure(card, "Actions in catalog"));
        Assert.Equal($"loops/{loopId}", card.QuerySelector("a")!.GetAttribute("href"));
        // The demo loop has no settled decisions here: a dash, not a zero that would read as "earned nothing".
        Assert.Equal("–", Figure(cut.Find("[data-testid=loop-card-demo]"), "Average reward, last hour"));
    }

    [Fact]
    public async Task Each_loop_card_shows_the_oldest_data_held_and_how_long_the_loop_keeps_it()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(app);
        var (forever, _) = await app.CreateLoopAsync(LoopSettings.Default with { LogRetentionDays = -1 });
        context.Services.AddSingleton(DashboardData.Queries(app, clock));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: false));

        var cut = context.Render<HomePage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=loop-card-{loopId}]"));
        var oldest = (clock.GetUtcNow() - TimeSpan.FromHours(2)).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"oldest data: {oldest} · kept 90 days", Retention(cut, loopId));
        Assert.Equal("no data yet · kept forever", Retention(cut, forever));
    }

    [Fact]
    public async Task The_latest_decisions_are_listed_newest_first_with_pending_rewards_named()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(app);
        context.Services.AddSingleton(DashboardData.Queries(app, clock));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: false));

        var cut = context.Render<HomePage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=recent-decisions] tbody tr")));
        var rows = cut.FindAll("[data-testid=recent-decisions] tbody tr").Take(3).Select(Cells).ToList();
        Assert.Equal([loopId, "A", "0.50", "no", "1"], rows[0][1..]);
        Assert.Equal([loopId, "B", "0.50", "yes", "pending"], rows[1][1..]);
        Assert.Equal([loopId, "A", "0.50", "no", "pending"], rows[2][1..]);
    }

    [Fact]
    public async Task Open_in_a_live_circuit_the_page_picks_up_new_decisions_by_itself()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(app);
        context.Services.AddSingleton(DashboardData.Queries(app, clock));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = context.Render<HomePage>();
        var perMinute = () => cut.Find($"[data-testid=loop-card-{loopId}] [data-testid=decisions-per-minute]").TextContent.Trim();
        cut.WaitForAssertion(() => Assert.Equal("3", perMinute()));

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Decisions.Add(new Decision
            {
                LoopId = loopId, EventId = "arrived-later", CreatedAt = clock.GetUtcNow(), RequestJson = "{}", ChosenActionId = "B",
                ChosenProbability = 0.5, BaselineActionId = "A", RankingJson = "[]", ExplanationJson = "[]",
            });
            await db.SaveChangesAsync();
        }

        // The page refreshes every two seconds; allow for a slow machine.
        cut.WaitForAssertion(() => Assert.Equal("4", perMinute()), TimeSpan.FromSeconds(15));
    }

    private static string Retention(IRenderedComponent<HomePage> cut, string loopId) =>
        cut.Find($"[data-testid=loop-card-{loopId}] [data-testid=retention]").TextContent.Trim();

    private static string Figure(IElement card, string label) =>
        card.QuerySelectorAll("tr").Single(row => row.Children[0].TextContent.Trim() == label).Children[1].TextContent.Trim();

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToArray();
}
