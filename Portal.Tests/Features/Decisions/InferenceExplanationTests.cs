using Portal.Infrastructure.Security;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.PublicPages;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions;

/// <summary>Personalizer's inference explainability and Portal's "Why this suggestion?" link in the Rank response.</summary>
public sealed class InferenceExplanationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string ServiceConfiguration = """
        {"rewardWaitTime":"PT1S","defaultReward":0,"rewardAggregation":"earliest","explorationPercentage":0.2,
         "modelExportFrequency":"PT5M","logRetentionDays":7,"isInferenceExplainabilityEnabled":true}
        """;

    [Fact]
    public async Task A_loop_that_enables_it_gets_the_top_contributions_of_every_candidate_in_ranking_order()
    {
        var (_, api) = await factory.CreateLoopAsync();
        var configured = await api.PutAsync("/personalizer/v1.0/configurations/service", RankPayloads.Json(ServiceConfiguration));
        var request = RankPayloads.Valid(4);
        request["excludedActions"] = new System.Text.Json.Nodes.JsonArray("action-2");

        var body = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(request))).ReadJsonAsync();

        Assert.True((await configured.ReadJsonAsync()).GetProperty("isInferenceExplainabilityEnabled").GetBoolean());
        var explained = body.GetProperty("inferenceExplanation").EnumerateArray().ToList();
        var ranked = body.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Where(id => id != "action-2");
        Assert.Equal(ranked, explained.Select(e => e.GetProperty("id").GetString()));
        Assert.All(explained, action =>
        {
            var features = action.GetProperty("features").EnumerateArray().ToList();
            Assert.InRange(features.Count, 1, 5);
            Assert.All(features, f => Assert.Equal(JsonValueKind.Number, f.GetProperty("score").ValueKind));
            Assert.Contains(features, f => f.GetProperty("name").GetString()!.Length > 0);
        });
    }

    [Fact]
    public async Task Interactions_are_named_with_a_caret_as_in_personalizer()
    {
        var (_, api) = await factory.CreateLoopAsync();
        await api.PutAsync("/personalizer/v1.0/configurations/service", RankPayloads.Json(ServiceConfiguration));

        var body = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(2)))).ReadJsonAsync();

        var names = body.GetProperty("inferenceExplanation").EnumerateArray()
            .SelectMany(a => a.GetProperty("features").EnumerateArray()).Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.DoesNotContain(names, n => n.Contains('×'));
        Assert.Contains(names, n => n.Contains('^'));
    }

    [Fact]
    public async Task A_loop_that_does_not_enable_it_answers_as_before()
    {
        var (_, api) = await factory.CreateLoopAsync();

        var body = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)))).ReadJsonAsync();
        var configuration = await (await api.GetAsync("/personalizer/v1.0/configurations/service")).ReadJsonAsync();

        Assert.False(body.TryGetProperty("inferenceExplanation", out _));
        Assert.False(configuration.GetProperty("isInferenceExplainabilityEnabled").GetBoolean());
    }

    [Fact]
    public async Task Every_rank_carries_a_signed_why_link_to_its_own_event()
    {
        var (loopId, api) = await factory.CreateLoopAsync();

        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "why-me")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = new Uri((await response.ReadJsonAsync()).GetProperty("whyUrl").GetString()!);
        Assert.Equal(api.BaseAddress!.Authority, url.Authority);
        Assert.StartsWith("/why/", url.AbsolutePath);
        var reference = factory.Services.GetRequiredService<DecisionLinkTokens>().Read(url.AbsolutePath["/why/".Length..]);
        Assert.Equal(new DecisionLinkTokens.DecisionRef(loopId, "why-me"), reference);
    }
}
