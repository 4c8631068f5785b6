using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions;

public sealed class RankValidationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient api = factory.CreateApiClient();

    public static TheoryData<string, string, string> BadRankBodies()
    {
        var longId = new string('x', 257);
        var fiftyOne = string.Join(",", Enumerable.Range(0, 51).Select(i => $$"""{"id":"a{{i}}","features":[]}"""));
        var manyFeatures = string.Join(",", Enumerable.Range(0, 1001).Select(i => $"\"f{i}\":{i}"));
        return new()
        {
            { "malformed JSON", """{"actions": [""", "not valid" },
            { "NaN literal", """{"actions":[{"id":"a","features":[{"x":NaN}]}]}""", "not valid" },
            { "Infinity literal", """{"actions":[{"id":"a","features":[{"x":Infinity}]}]}""", "not valid" },
            { "number too large for a double", """{"actions":[{"id":"a","features":[{"x":1e999}]}]}""", "x" },
            { "no actions", """{"actions":[]}""", "actions" },
            { "actions missing", """{"contextFeatures":[]}""", "actions" },
            { "more than 50 actions", $$"""{"actions":[{{fiftyOne}}]}""", "at most 50" },
            { "duplicate action ids", """{"actions":[{"id":"a","features":[]},{"id":"a","features":[]}]}""", "actions[1].id" },
            { "empty action id", """{"actions":[{"id":"","features":[]}]}""", "actions[0].id" },
            { "action id over 256 characters", $$"""{"actions":[{"id":"{{longId}}","features":[]}]}""", "actions[0].id" },
            { "eventId over 256 characters", $$"""{"eventId":"{{longId}}","actions":[{"id":"a","features":[]}]}""", "eventId" },
            { "excluded id not among the actions", """{"actions":[{"id":"a","features":[]}],"excludedActions":["b"]}""", "excludedActions[0]" },
            { "every action excluded", """{"actions":[{"id":"a","features":[]},{"id":"b","features":[]}],"excludedActions":["a","b"]}""", "every action" },
            { "context feature that is not an object", """{"contextFeatures":[5],"actions":[{"id":"a","features":[]}]}""", "contextFeatures[0]" },
            { "action feature that is not an object", """{"actions":[{"id":"a","features":["red"]}]}""", "actions[0].features[0]" },
            { "action without features", """{"actions":[{"id":"a"}]}""", "actions[0].features" },
            { "more than 1,000 features", $$"""{"contextFeatures":[{{{manyFeatures}}}],"actions":[{"id":"a","features":[]}]}""", "1000 features" },
            { "body is not an object", "[1,2,3]", "not valid" },
            { "empty body", "", "empty" },
        };
    }

    [Theory]
    [MemberData(nameof(BadRankBodies))]
    public async Task Bad_rank_requests_get_400_InvalidRankRequest_naming_the_problem(string because, string body, string mentioned)
    {
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: got {(int)response.StatusCode}");
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal("InvalidRankRequest", code);
        Assert.Contains(mentioned, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_gets_413_and_nothing_is_logged()
    {
        var eventId = "too-large-" + Guid.NewGuid();
        var padding = new string('p', 1024 * 1024);
        var body = $$"""{"eventId":"{{eventId}}","contextFeatures":[{"pad":"{{padding}}"}],"actions":[{"id":"a","features":[]}]}""";

        var response = await api.PostAsync("/personalizer/v1.0/rank", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PayloadTooLarge", (await response.ReadErrorAsync()).Code);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Decisions.AnyAsync(d => d.EventId == eventId));
    }

    [Theory]
    [InlineData("""{"value": 1.5}""", "outside")]
    [InlineData("""{"value": -1.01}""", "outside")]
    [InlineData("""{}""", "value is required")]
    [InlineData("""{"value": "high"}""", "not valid")]
    [InlineData("""{"value": 1e999}""", "value")]
    public async Task Bad_rewards_get_400_InvalidRewardRequest_and_change_nothing(string body, string mentioned)
    {
        var eventId = "bad-reward-" + Guid.NewGuid();
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(2, eventId)));

        var response = await api.PostAsync($"/personalizer/v1.0/events/{eventId}/reward", RankPayloads.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal("InvalidRewardRequest", code);
        Assert.Contains(mentioned, message, StringComparison.OrdinalIgnoreCase);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Null((await db.Decisions.SingleAsync(d => d.EventId == eventId)).Reward);
    }

    [Fact]
    public async Task A_reward_for_an_eventId_over_256_characters_is_400()
    {
        var response = await api.PostAsync($"/personalizer/v1.0/events/{new string('e', 257)}/reward", RankPayloads.Json("""{"value":1}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("eventId", (await response.ReadErrorAsync()).Message);
    }

    [Fact]
    public async Task A_valid_request_after_bad_ones_still_works()
    {
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json("{oops"));

        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
