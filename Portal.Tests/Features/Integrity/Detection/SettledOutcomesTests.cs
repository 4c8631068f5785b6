using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Integrity.Detection;
using Portal.Tests.Features.Privacy.Requests;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Integrity.Detection;

/// <summary>
/// What the manipulation watch reads of the log: settled decisions in commit order after a cursor, with their context's
/// categorical values (read from the stored request) and how their rewards came; the unsettled ones wait.
/// </summary>
public class SettledOutcomesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private SettledOutcomes Outcomes => factory.Services.GetRequiredService<SettledOutcomes>();

    private static Task<string> RankFromAsync(HttpClient api, string country) =>
        api.RankForAsync(null, body => body["contextFeatures"] = new JsonArray(
            new JsonObject { ["user"] = new JsonObject { ["country"] = country, ["visits"] = 3 } },
            new JsonObject { ["device"] = new JsonObject { ["os"] = "ios", ["_hidden"] = "x" } }));

    [Fact]
    public async Task Settled_decisions_come_in_commit_order_with_their_context_values_and_rewards()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        await RankFromAsync(api, "DE");
        var rewarded = await RankFromAsync(api, "FR");
        await RankFromAsync(api, "DE");
        var reward = await api.PostAsync($"/personalizer/v1.0/events/{rewarded}/reward", RankPayloads.Json("""{"value":1}"""));
        Assert.Equal(HttpStatusCode.NoContent, reward.StatusCode);

        var all = await Outcomes.ReadAsync(loopId, afterSeq: 0, DateTimeOffset.UtcNow.AddMinutes(1), size: 100, CancellationToken.None);

        Assert.Equal(3, all.Count);
        Assert.Equal(all.Select(o => o.Seq).Order(), all.Select(o => o.Seq));
        Assert.Equal([("user.country", "DE"), ("device.os", "ios")], all[0].ContextValues);
        Assert.Equal([("user.country", "FR"), ("device.os", "ios")], all[1].ContextValues);
        Assert.Equal((null, 0, null), (all[0].Reward, all[0].RewardCount, all[0].RewardedAt));
        Assert.Equal((1.0, 1), (all[1].Reward, all[1].RewardCount));
        Assert.NotNull(all[1].RewardedAt);
        Assert.NotNull(all[1].RewardSource);
        Assert.StartsWith("action-", all[2].ChosenActionId);

        var afterFirst = await Outcomes.ReadAsync(loopId, all[0].Seq, DateTimeOffset.UtcNow.AddMinutes(1), size: 1, CancellationToken.None);
        Assert.Equal([all[1].Seq], afterFirst.Select(o => o.Seq));
        var settled = await Outcomes.ReadAsync(loopId, 0, all[2].CreatedAt, size: 100, CancellationToken.None);
        Assert.Equal(all.Where(o => o.CreatedAt < all[2].CreatedAt).Select(o => o.Seq), settled.Select(o => o.Seq));
    }
}

[Trait("Category", "Postgres")]
public sealed class SettledOutcomesOnPostgresTests(PostgresPortalAppFactory factory) : SettledOutcomesTests(factory), IClassFixture<PostgresPortalAppFactory>;
