using Bunit;
using Microsoft.AspNetCore.Components;
using Portal.Features.LiveStream;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.LiveStream;

public sealed class LiveStreamPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_decision_appears_and_its_reward_fills_in()
    {
        var (loopId, rank) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ComplianceReviewer);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.RenderProviders();
        var cut = context.Render<LiveStreamPage>();
        var rows = () => cut.FindAll("[data-testid=stream-row]").Where(r => r.TextContent.Contains(loopId)).ToList();
        var before = rows().Count;

        var response = await rank.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, eventId: "live-1")));
        await rank.PostAsync("/personalizer/v1.0/events/live-1/reward", RankPayloads.Json("""{"value":0.75}"""));

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        // A timed assertion would fail on a busy shared machine: this checks that the decision and its reward arrive.
        cut.WaitForAssertion(() => Assert.Equal(before + 1, rows().Count), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Contains("0.75", rows()[0].TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Paused_the_page_stops_moving_and_counts_what_arrives()
    {
        var (_, rank) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.RenderProviders();
        var cut = context.Render<LiveStreamPage>();
        var first = cut.Find("[data-testid=stream-row]").TextContent;

        cut.Find("[data-testid=pause]").Click();
        await rank.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)));

        cut.WaitForAssertion(() => Assert.Matches(@"received [1-9]", cut.Find("[data-testid=stream-counts]").TextContent), TimeSpan.FromSeconds(2));
        Assert.Equal(first, cut.Find("[data-testid=stream-row]").TextContent);
        Assert.Contains("Resume", cut.Find("[data-testid=pause]").TextContent);
    }
}
