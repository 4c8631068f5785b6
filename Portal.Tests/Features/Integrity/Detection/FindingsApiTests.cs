using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Integrity.Detection;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Integrity.Detection;

/// <summary>What the detectors read from Reward, and the review queue through the API.</summary>
public sealed class FindingsApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_reward_logs_when_it_came_and_a_keyed_hash_of_its_senders_address_never_the_address()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var eventId = await RankAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/personalizer/v1.0/events/{eventId}/reward") { Content = RankPayloads.Json("""{"value":1}""") };
        request.Headers.Add(TestClientAddress.Header, "198.51.100.23");
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(request)).StatusCode);

        await using var db = await Db();
        var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.LoopId == loopId && d.EventId == eventId);
        Assert.InRange(decision.RewardedAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var expected = factory.Services.GetRequiredService<Portal.Features.Decisions.RewardSources>().Of(IPAddress.Parse("198.51.100.23"));
        Assert.Equal(expected, decision.RewardSource);
        Assert.Matches("^[0-9a-f]{16}$", decision.RewardSource!);
        Assert.DoesNotContain("198.51", decision.RewardSource);
    }

    [Fact]
    public async Task A_compliance_reviewer_lists_open_findings_with_their_evidence_but_may_not_dismiss_them()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var id = await FindingAsync(loopId);
        var reviewer = await factory.TokenClientAsync("reviewer-findings@test.local", PortalRoles.ComplianceReviewer);

        var listed = await (await reviewer.GetAsync($"/api/v1/loops/{loopId}/findings")).ReadJsonAsync();
        var dismiss = await reviewer.PostAsync($"/api/v1/loops/{loopId}/findings/{id}/dismiss", RankPayloads.Json("""{"reason":"plain"}"""));

        var finding = Assert.Single(listed.EnumerateArray());
        Assert.Equal("RewardRate", finding.GetProperty("kind").GetString());
        Assert.Equal("reward rate of b for user.country = BR", finding.GetProperty("subject").GetString());
        Assert.Equal(6, finding.GetProperty("evidence").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, dismiss.StatusCode);
        Assert.Equal(FindingStatus.Open, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_product_owner_dismisses_with_a_reason_audited_and_the_finding_leaves_the_open_queue()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var id = await FindingAsync(loopId);
        var owner = await factory.TokenClientAsync("owner-findings@test.local", PortalRoles.ProductOwner);

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/findings/{id}/dismiss", RankPayloads.Json("""{"reason":"A newsletter went out to Brazil"}"""));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await (await owner.GetAsync($"/api/v1/loops/{loopId}/findings")).ReadJsonAsync()).GetArrayLength());
        var all = await (await owner.GetAsync($"/api/v1/loops/{loopId}/findings?status=all")).ReadJsonAsync();
        Assert.Equal("Dismissed", all[0].GetProperty("status").GetString());
        await using var db = await Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LoopId == loopId && a.Action == "integrity.finding.dismiss" && a.Reason == "A newsletter went out to Brazil"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LoopId == loopId && a.Action == "integrity.finding" && a.ActorName == "system"));
    }

    [Fact]
    public async Task Quarantining_a_finding_quarantines_from_its_window_until_now_and_settles_it()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var id = await FindingAsync(loopId);
        var owner = await factory.TokenClientAsync("owner-quarantine-finding@test.local", PortalRoles.ProductOwner);

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/findings/{id}/quarantine", RankPayloads.Json("""{"reason":"Scripted rewards"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var quarantineId = (await response.ReadJsonAsync()).GetProperty("quarantineId").GetInt64();
        var stored = await StoredAsync(id);
        Assert.Equal((FindingStatus.Quarantined, quarantineId), (stored.Status, stored.QuarantineId));
        await using var db = await Db();
        var quarantine = await db.Quarantines.AsNoTracking().SingleAsync(q => q.Id == quarantineId);
        Assert.Equal(stored.WindowFrom, quarantine.From);
        Assert.Contains("Scripted rewards", quarantine.Reason);
    }

    [Theory]
    [InlineData("dismiss", """{"reason":""}""", HttpStatusCode.BadRequest, "A reason is required")]
    [InlineData("dismiss", """{"reason":1}""", HttpStatusCode.BadRequest, "")]
    [InlineData("quarantine", """{}""", HttpStatusCode.BadRequest, "A reason is required")]
    public async Task A_review_without_a_reason_is_refused_and_changes_nothing(string verb, string body, HttpStatusCode status, string message)
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var id = await FindingAsync(loopId);
        var owner = await factory.TokenClientAsync("owner-bad-review@test.local", PortalRoles.ProductOwner);

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/findings/{id}/{verb}", RankPayloads.Json(body));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, (await response.ReadErrorAsync()).Message);
        Assert.Equal(FindingStatus.Open, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Unknown_findings_findings_of_another_loop_and_unknown_statuses_are_clear_errors()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var (otherLoop, _) = await factory.CreateLoopAsync();
        var id = await FindingAsync(loopId);
        var owner = await factory.TokenClientAsync("owner-unknown-finding@test.local", PortalRoles.ProductOwner);

        var unknown = await owner.PostAsync($"/api/v1/loops/{loopId}/findings/999999/dismiss", RankPayloads.Json("""{"reason":"x"}"""));
        var elsewhere = await owner.PostAsync($"/api/v1/loops/{otherLoop}/findings/{id}/dismiss", RankPayloads.Json("""{"reason":"x"}"""));
        var status = await owner.GetAsync($"/api/v1/loops/{loopId}/findings?status=closed");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("status 'closed' is not one of: open, all.", (await status.ReadErrorAsync()).Message);
        Assert.Equal(FindingStatus.Open, (await StoredAsync(id)).Status);
    }

    /// <summary>A flag as the detectors raise it for an attack on b in BR, stored through the queue's own store.</summary>
    internal static async Task<long> FindingAsync(IServiceProvider services, string loopId)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var baseline = Enumerable.Range(0, 5).Select(i => new WindowPoint(start.AddMinutes(5 * i), start.AddMinutes(5 * i + 5), 0.1 + 0.01 * i, 40)).ToList();
        var flagged = new WindowPoint(start.AddMinutes(25), start.AddMinutes(29), 0.7, 40, Flagged: true);
        var measure = new Measurement(FindingKind.RewardRate, "rate|b|user.country|BR", "reward rate of b for user.country = BR", 0.7, 40, 0.07, "b", new ContextSegment("user.country", "BR"));
        var flag = new Flag(measure, 7.5, 0.12, 0.016, [.. baseline, flagged], 1, 2, flagged.From, flagged.To);
        return Assert.Single(await services.GetRequiredService<FindingStore>().RecordAsync(loopId, [flag], CancellationToken.None));
    }

    private Task<long> FindingAsync(string loopId) => FindingAsync(factory.Services, loopId);

    private async Task<ManipulationFinding> StoredAsync(long id)
    {
        await using var db = await Db();
        return await db.ManipulationFindings.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    private static async Task<string> RankAsync(HttpClient api)
    {
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()));
        return (await response.ReadJsonAsync()).GetProperty("eventId").GetString()!;
    }

    private Task<PortalDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
