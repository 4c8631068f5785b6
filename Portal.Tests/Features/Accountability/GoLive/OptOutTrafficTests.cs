using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accountability.GoLive;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accountability.GoLive;

/// <summary>
/// The go-live reviewer attests "opt-out wired"; Portal shows what the loop's traffic says about it (decisions with a
/// user id, decisions served opted out), warns when it shows neither, and keeps what was shown in the review's audit entry.
/// </summary>
public sealed class OptOutTrafficTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task The_latest_decisions_are_counted_by_user_id_and_opt_out()
    {
        var (loopId, api) = await app.CreateLoopAsync(goLiveReview: false);
        Assert.Equal(new OptOutTraffic(0, 0, 0), await TrafficAsync(loopId));

        await RankAsync(api, userId: "u-1");
        await RankAsync(api, userId: "u-2");
        await RankAsync(api, userId: null);
        await RankAsync(api, userId: "u-3", optOutFlag: true);

        var traffic = await TrafficAsync(loopId);
        Assert.Equal(new OptOutTraffic(4, 2, 1), traffic);
        Assert.Equal("Of the loop's latest 4 decisions, 2 carried a user id and 1 was served opted out.", traffic.Summary);
        Assert.False(traffic.ShowsNoWiring);
    }

    [Fact]
    public async Task The_dialog_warns_when_the_traffic_shows_no_wiring_and_the_recorded_review_audits_what_was_shown()
    {
        var (loopId, api) = await app.CreateLoopAsync(goLiveReview: false);
        await RankAsync(api, userId: null);
        await RankAsync(api, userId: null);
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var dialogs = context.RenderProviders();
        var cut = context.Render<GoLiveSection>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=golive-record]"));

        cut.Find("[data-testid=golive-record]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Of the loop's latest 2 decisions, 0 carried a user id and 0 were served opted out.",
            dialogs.Find("[data-testid=golive-optout-traffic]").TextContent));
        Assert.Contains("check that the application sends them before you attest", dialogs.Find("[data-testid=golive-optout-traffic]").TextContent);
        Assert.Contains("mud-alert-text-warning", dialogs.Find("[data-testid=golive-optout-traffic]").ClassName);

        dialogs.RecordComplete("LEGAL-TRAFFIC-1", "Opt-out goes through the application's flag.");
        cut.WaitForAssertion(() => Assert.Contains("Go-live reviewed by", cut.Find("[data-testid=golive-status]").TextContent));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var after = await db.AuditEntries.AsNoTracking().Where(e => e.Action == GoLiveReviews.RecordAction && e.TargetId == loopId).Select(e => e.After).SingleAsync();
        var traffic = JsonDocument.Parse(after!).RootElement.GetProperty("optOutTraffic");
        Assert.Equal((2, 0, 0), (traffic.GetProperty("decisions").GetInt32(), traffic.GetProperty("withUserId").GetInt32(), traffic.GetProperty("optedOut").GetInt32()));
    }

    [Fact]
    public async Task The_status_api_carries_the_traffic()
    {
        var (loopId, api) = await app.CreateLoopAsync(goLiveReview: false);
        await RankAsync(api, userId: "u-api");
        var reader = await app.TokenClientAsync("traffic-reader@test.local", PortalRoles.ProductOwner);

        var status = await (await reader.GetAsync($"/api/v1/loops/{loopId}/go-live-review")).ReadJsonAsync();

        var traffic = status.GetProperty("optOutTraffic");
        Assert.Equal((1, 1, 0), (traffic.GetProperty("decisions").GetInt32(), traffic.GetProperty("withUserId").GetInt32(), traffic.GetProperty("optedOut").GetInt32()));
    }

    private Task<OptOutTraffic> TrafficAsync(string loopId) => app.Services.GetRequiredService<IOptOutTraffic>().OfAsync(loopId, CancellationToken.None);

    private static async Task RankAsync(HttpClient api, string? userId, bool optOutFlag = false)
    {
        var body = RankPayloads.Valid(3);
        if (userId is not null) body["contextFeatures"]![0]!["_userId"] = userId;
        if (optOutFlag) body["contextFeatures"]![0]!["_optOut"] = true;
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
