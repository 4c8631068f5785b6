using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions;

/// <summary>explorationPercentage in the service configuration is the exploration budget Rank uses.</summary>
public sealed class ExplorationSettingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Raising_explorationPercentage_lowers_the_best_actions_share_at_once_without_a_reset()
    {
        var (api, loop) = await LoopWithExplorationAsync(0);
        for (var i = 0; i < 40; i++)
        {
            var chosen = await RankAsync(api);
            if (chosen.GetProperty("rewardActionId").GetString() == "action-1")
                await api.PostAsync($"/personalizer/v1.0/events/{chosen.GetProperty("eventId").GetString()}/reward", RankPayloads.Json("""{"value":1}"""));
        }
        await Eventually.TrueAsync(() => factory.Services.GetRequiredService<LoopDirectory>().Find(loop)!.Model.Current.ExamplesLearned == 40);

        var greedy = await RankAsync(api);
        await api.PutAsync("/personalizer/v1.0/configurations/service", RankPayloads.Json("""
            {"rewardWaitTime":"PT1S","defaultReward":0,"rewardAggregation":"earliest","explorationPercentage":0.5,"modelExportFrequency":"PT1M","logRetentionDays":30}
            """));
        var exploring = await RankAsync(api);

        Assert.Equal("action-1", BestOf(greedy).Id);
        Assert.Equal(1.0, BestOf(greedy).Probability, 9);
        Assert.Equal("action-1", BestOf(exploring).Id);
        // The default policy spreads ε by inverse gaps: the best keeps 1 − ε plus its own share of ε.
        Assert.InRange(BestOf(exploring).Probability, 0.5, 0.999);
        Assert.All(exploring.GetProperty("ranking").EnumerateArray(), r => Assert.True(r.GetProperty("probability").GetDouble() > 0));
        Assert.Equal(40, factory.Services.GetRequiredService<LoopDirectory>().Find(loop)!.Model.Current.ExamplesLearned);
    }

    private static (string Id, double Probability) BestOf(JsonElement rank) =>
        rank.GetProperty("ranking").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("probability").GetDouble()))
            .MaxBy(r => r.Item2);

    private static async Task<JsonElement> RankAsync(HttpClient api) =>
        await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(4)))).ReadJsonAsync();

    private async Task<(HttpClient Api, string LoopId)> LoopWithExplorationAsync(double exploration)
    {
        var (id, api) = await factory.CreateLoopAsync(LoopSettings.Default with { ExplorationPercentage = exploration, RewardWaitTime = TimeSpan.FromSeconds(1) });
        return (api, id);
    }
}
