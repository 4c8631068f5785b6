using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Features.PublicPages;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions;

public class DecisionsApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient api = factory.CreateApiClient();

    [Fact]
    public async Task Rank_returns_201_with_a_ranking_that_sums_to_one_and_names_the_chosen_action()
    {
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(4)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var ranking = body.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(4, ranking.Count);
        Assert.Equal(1.0, ranking.Sum(r => r.GetProperty("probability").GetDouble()), 6);
        Assert.Equal(body.GetProperty("rewardActionId").GetString(), ranking[0].GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("eventId").GetString()));
        Assert.True(body.TryGetProperty("explored", out _));
        Assert.True(body.TryGetProperty("modelVersion", out _));
    }

    [Fact]
    public async Task Rank_gives_excluded_actions_probability_zero_and_never_chooses_them()
    {
        for (var i = 0; i < 20; i++)
        {
            var payload = RankPayloads.Valid(3);
            payload["excludedActions"] = new JsonArray("action-0", "action-2");
            var body = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(payload))).ReadJsonAsync();

            Assert.Equal("action-1", body.GetProperty("rewardActionId").GetString());
            var excluded = body.GetProperty("ranking").EnumerateArray().Where(r => r.GetProperty("id").GetString() != "action-1");
            Assert.All(excluded, r => Assert.Equal(0.0, r.GetProperty("probability").GetDouble()));
        }
    }

    [Fact]
    public async Task A_reused_eventId_gets_409_and_the_first_decision_is_kept()
    {
        var eventId = "reused-" + Guid.NewGuid();
        var first = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, eventId)));
        var firstChoice = (await first.ReadJsonAsync()).GetProperty("rewardActionId").GetString();

        var second = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(5, eventId)));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(eventId, (await second.ReadErrorAsync()).Message);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Decisions.SingleAsync(d => d.EventId == eventId);
        Assert.Equal(firstChoice, stored.ChosenActionId);
        var request = (await StoredActionLists.LoadAsync(db, [stored.ActionListId], default)).RequestOf(stored.RequestJson, stored.ActionListId);
        Assert.Contains("action-2", request);
        Assert.DoesNotContain("action-4", request);
    }

    [Fact]
    public async Task Reward_and_activate_of_a_ranked_event_answer_204_and_are_stored()
    {
        var eventId = "rewarded-" + Guid.NewGuid();
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, eventId, defer: true)));

        var reward = await api.PostAsync($"/personalizer/v1.0/events/{eventId}/reward", RankPayloads.Json("""{"value": 0.75}"""));
        var activate = await api.PostAsync($"/personalizer/v1.0/events/{eventId}/activate", null);

        Assert.Equal(HttpStatusCode.NoContent, reward.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, activate.StatusCode);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Decisions.SingleAsync(d => d.EventId == eventId);
        Assert.Equal(0.75, stored.Reward);
        Assert.NotNull(stored.ActivatedAt);
    }

    [Fact]
    public async Task Earliest_aggregation_keeps_the_first_reward()
    {
        var eventId = "earliest-" + Guid.NewGuid();
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, eventId)));

        await api.PostAsync($"/personalizer/v1.0/events/{eventId}/reward", RankPayloads.Json("""{"value": 0.2}"""));
        await api.PostAsync($"/personalizer/v1.0/events/{eventId}/reward", RankPayloads.Json("""{"value": 1}"""));

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Decisions.SingleAsync(d => d.EventId == eventId);
        Assert.Equal(0.2, stored.Reward);
        Assert.Equal(2, stored.RewardCount);
    }

    [Theory]
    [InlineData("reward")]
    [InlineData("activate")]
    public async Task Reward_or_activate_of_an_unknown_event_is_404_in_Personalizers_shape(string operation)
    {
        var response = await api.PostAsync($"/personalizer/v1.0/events/no-such-event/{operation}", RankPayloads.Json("""{"value": 1}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal("ResourceNotFound", code);
        Assert.Contains("no-such-event", message);
    }

    [Fact]
    public async Task Concurrent_Ranks_each_get_the_answer_of_their_own_event_with_its_length_declared()
    {
        // The answers are written before the commit into buffers reused from Rank to Rank: none may reach another call.
        var tokens = factory.Services.GetRequiredService<DecisionLinkTokens>();
        var eventIds = Enumerable.Range(0, 48).Select(i => $"concurrent-{i}-{Guid.NewGuid():N}").ToArray();
        var responses = await Task.WhenAll(eventIds.Select(id => api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, id)))));

        for (var i = 0; i < eventIds.Length; i++)
        {
            Assert.Equal(HttpStatusCode.Created, responses[i].StatusCode);
            Assert.Equal("application/json; charset=utf-8", responses[i].Content.Headers.ContentType!.ToString());
            var bytes = await responses[i].Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, responses[i].Content.Headers.ContentLength);
            var body = System.Text.Json.JsonDocument.Parse(bytes).RootElement;
            Assert.Equal(eventIds[i], body.GetProperty("eventId").GetString());
            var token = new Uri(body.GetProperty("whyUrl").GetString()!).AbsolutePath[WhyLinks.PathPrefix.Length..];
            Assert.Equal(eventIds[i], tokens.Read(token)?.EventId);
        }
    }

    [Fact]
    public async Task Rank_without_an_eventId_generates_a_unique_one()
    {
        var first = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()))).ReadJsonAsync();
        var second = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()))).ReadJsonAsync();

        Assert.NotEqual(first.GetProperty("eventId").GetString(), second.GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task Ranks_register_their_actions_in_the_loops_catalog_with_the_latest_features()
    {
        var payload = RankPayloads.Valid(2);
        payload["actions"]![0]!["id"] = "catalog-probe";
        payload["actions"]![0]!["features"] = new JsonArray(new JsonObject { ["color"] = "red" });
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(payload));
        payload["actions"]![0]!["features"] = new JsonArray(new JsonObject { ["color"] = "blue" });
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(payload));

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var action = await db.LoopActions.SingleAsync(a => a.ActionId == "catalog-probe");
        Assert.Contains("blue", action.FeaturesJson);
    }
}

/// <summary>Rank, Reward and Activate on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class DecisionsApiOnPostgresTests(PostgresPortalAppFactory factory) : DecisionsApiTests(factory), IClassFixture<PostgresPortalAppFactory>;
