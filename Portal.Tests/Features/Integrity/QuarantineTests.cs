using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Integrity;

/// <summary>A test app that keeps a model snapshot every second, so a test can have one from before a window.</summary>
public sealed class SnapshottingAppFactory : PortalAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Portal:Training:SnapshotInterval"] = "00:00:01" };
}

/// <summary>Quarantining a window of suspect decisions and rolling learning back, through the oversight API.</summary>
public sealed class QuarantineTests(SnapshottingAppFactory factory) : IClassFixture<SnapshottingAppFactory>
{
    [Fact]
    public async Task A_quarantined_window_is_forgotten_learning_rolls_back_to_before_it_and_the_log_is_relearned_without_it()
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        var owner = await factory.TokenClientAsync("owner-quarantine@test.local", PortalRoles.ProductOwner);
        await RankAndRewardAsync(api, "plain", 20, reward: 0);
        await Eventually.TrueAsync(() => Examples(loopId) == 20, seconds: 30);
        await Eventually.TrueAsync(async () => (await SnapshotsAsync(loopId)).Any(s => s.ExamplesLearned == 20), seconds: 30);

        var attackStart = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await RankAndRewardAsync(api, "attack", 15, reward: 1);
        await Eventually.TrueAsync(() => Examples(loopId) == 35, seconds: 30);
        var attackEnd = DateTimeOffset.UtcNow;

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/quarantines",
            RankPayloads.Json(JsonSerializer.Serialize(new { from = attackStart, to = attackEnd, reason = "Scripted rewards from one segment" })));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var quarantine = await response.ReadJsonAsync();
        Assert.Equal(15, quarantine.GetProperty("decisions").GetInt32());
        var snapshot = (await SnapshotsAsync(loopId)).Single(s => s.Id == quarantine.GetProperty("rolledBackTo").GetString());
        Assert.Equal(20, snapshot.ExamplesLearned);
        // The trainer re-learns the log after the snapshot and skips the window: 20 examples again, now past the attack.
        var lastAttackSeq = await LastSeqAsync(loopId);
        var models = factory.Services.GetRequiredService<ModelRegistry>();
        await Eventually.TrueAsync(() => models.Find(loopId)!.LastTrainedSeq >= lastAttackSeq, seconds: 30);
        Assert.Equal(20, Examples(loopId));
        await using var db = await Db();
        var actions = await db.AuditEntries.Where(a => a.LoopId == loopId).Select(a => a.Action).ToListAsync();
        Assert.Contains("loop.quarantine", actions);
        Assert.Contains("loop.model.rollback", actions);
    }

    [Fact]
    public async Task A_window_the_model_has_not_learned_from_is_quarantined_without_a_rollback()
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromHours(1) });
        var owner = await factory.TokenClientAsync("owner-quarantine-2@test.local", PortalRoles.ProductOwner);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        await RankAndRewardAsync(api, "waiting", 3, reward: 1);

        var quarantine = await (await owner.PostAsync($"/api/v1/loops/{loopId}/quarantines",
            RankPayloads.Json(JsonSerializer.Serialize(new { from, to = DateTimeOffset.UtcNow.AddMinutes(1), reason = "Burst of rewards" })))).ReadJsonAsync();

        Assert.Equal(3, quarantine.GetProperty("decisions").GetInt32());
        Assert.False(quarantine.TryGetProperty("rolledBackTo", out _));
        var listed = await (await owner.GetAsync($"/api/v1/loops/{loopId}/quarantines")).ReadJsonAsync();
        Assert.Equal("Burst of rewards", listed[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_quarantine_of_one_reward_source_forgets_only_the_decisions_it_rewarded()
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        var owner = await factory.TokenClientAsync("owner-quarantine-source@test.local", PortalRoles.ProductOwner);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        await RankAndRewardAsync(api, "app", 12, reward: 0, address: "10.0.0.10");
        await RankAndRewardAsync(api, "bot", 8, reward: 1, address: "203.0.113.66");
        await Eventually.TrueAsync(() => Examples(loopId) == 20, seconds: 30);
        var bot = factory.Services.GetRequiredService<Portal.Features.Decisions.RewardSources>().Of(IPAddress.Parse("203.0.113.66"));

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/quarantines",
            RankPayloads.Json(JsonSerializer.Serialize(new { from, to = DateTimeOffset.UtcNow, source = bot, reason = "Rewards from one address" })));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var quarantine = await response.ReadJsonAsync();
        Assert.Equal((8, bot), (quarantine.GetProperty("decisions").GetInt32(), quarantine.GetProperty("source").GetString()));
        // Re-learned from the start (no snapshot before the window): the application's 12 again, not the bot's 8.
        var models = factory.Services.GetRequiredService<ModelRegistry>();
        var last = await LastSeqAsync(loopId);
        await Eventually.TrueAsync(() => models.Find(loopId)!.LastTrainedSeq >= last && Examples(loopId) == 12, seconds: 30);
    }

    [Fact]
    public async Task A_source_that_is_not_a_reward_source_is_refused_naming_the_field()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var owner = await factory.TokenClientAsync("owner-bad-source@test.local", PortalRoles.ProductOwner);

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/quarantines",
            RankPayloads.Json(JsonSerializer.Serialize(new { from = DateTimeOffset.UtcNow.AddHours(-1), to = DateTimeOffset.UtcNow, source = "203.0.113.66", reason = "x" })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("source must be a reward source", (await response.ReadErrorAsync()).Message);
        await using var db = await Db();
        Assert.False(await db.Quarantines.AnyAsync(q => q.LoopId == loopId));
    }

    [Theory]
    [InlineData(-60, -120, "to must be after from")]
    [InlineData(60, 120, "from is in the future")]
    [InlineData(-120, -60, "reason is required", "")]
    public async Task A_reversed_or_future_window_or_a_missing_reason_is_refused_naming_the_field_and_nothing_is_stored(
        int fromSeconds, int toSeconds, string expected, string reason = "Suspect")
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var owner = await factory.TokenClientAsync($"owner-bad-{fromSeconds}-{reason.Length}@test.local", PortalRoles.ProductOwner);
        var now = DateTimeOffset.UtcNow;

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/quarantines",
            RankPayloads.Json(JsonSerializer.Serialize(new { from = now.AddSeconds(fromSeconds), to = now.AddSeconds(toSeconds), reason })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadErrorAsync()).Message);
        await using var db = await Db();
        Assert.False(await db.Quarantines.AnyAsync(q => q.LoopId == loopId));
    }

    [Fact]
    public async Task A_compliance_reviewer_may_list_but_not_quarantine_or_roll_back_and_an_unknown_snapshot_is_404()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var reviewer = await factory.TokenClientAsync("reviewer-quarantine@test.local", PortalRoles.ComplianceReviewer);
        var owner = await factory.TokenClientAsync("owner-quarantine-3@test.local", PortalRoles.ProductOwner);
        var body = JsonSerializer.Serialize(new { from = DateTimeOffset.UtcNow.AddHours(-1), to = DateTimeOffset.UtcNow, reason = "x" });

        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/loops/{loopId}/snapshots")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/api/v1/loops/{loopId}/quarantines", RankPayloads.Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/api/v1/loops/{loopId}/snapshots/1-1-1/rollback", RankPayloads.Json("""{"reason":"x"}"""))).StatusCode);
        var unknown = await owner.PostAsync($"/api/v1/loops/{loopId}/snapshots/1-1-1/rollback", RankPayloads.Json("""{"reason":"x"}"""));
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound"), (unknown.StatusCode, (await unknown.ReadErrorAsync()).Code));
        var traversal = await owner.PostAsync($"/api/v1/loops/{loopId}/snapshots/..%2F..%2Fdemo/rollback", RankPayloads.Json("""{"reason":"x"}"""));
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    private static async Task RankAndRewardAsync(HttpClient api, string prefix, int count, double reward, string? address = null)
    {
        for (var i = 0; i < count; i++)
        {
            var eventId = $"{prefix}-{i}";
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(eventId: eventId)))).StatusCode);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/personalizer/v1.0/events/{eventId}/reward") { Content = RankPayloads.Json($$"""{"value":{{reward}}}""") };
            if (address is not null) request.Headers.Add(TestClientAddress.Header, address);
            await api.SendAsync(request);
        }
    }

    private long Examples(string loopId) => factory.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Model.Current.ExamplesLearned;

    private Task<IReadOnlyList<ModelSnapshots.Snapshot>> SnapshotsAsync(string loopId) =>
        factory.Services.GetRequiredService<ModelSnapshots>().ListAsync(loopId, CancellationToken.None);

    private async Task<long> LastSeqAsync(string loopId)
    {
        await using var db = await Db();
        return await db.Decisions.Where(d => d.LoopId == loopId).MaxAsync(d => d.Seq);
    }

    private Task<PortalDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
