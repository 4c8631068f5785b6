using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Loops;

public sealed class LoopConfigurationApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("""{"rewardWaitTime":"ten minutes","defaultReward":0,"rewardAggregation":"earliest","explorationPercentage":0.2,"modelExportFrequency":"PT5M","logRetentionDays":7}""", "rewardWaitTime")]
    [InlineData("""{"rewardWaitTime":"PT10M","defaultReward":2,"rewardAggregation":"earliest","explorationPercentage":0.2,"modelExportFrequency":"PT5M","logRetentionDays":7}""", "defaultReward")]
    [InlineData("""{"rewardWaitTime":"PT10M","defaultReward":0,"rewardAggregation":"average","explorationPercentage":0.2,"modelExportFrequency":"PT5M","logRetentionDays":7}""", "rewardAggregation")]
    [InlineData("""{"rewardWaitTime":"PT10M","defaultReward":0,"rewardAggregation":"earliest","explorationPercentage":1.5,"modelExportFrequency":"PT5M","logRetentionDays":7}""", "explorationPercentage")]
    [InlineData("""{"rewardWaitTime":"PT10M","defaultReward":0,"rewardAggregation":"earliest","explorationPercentage":0.2,"modelExportFrequency":"PT5M"}""", "logRetentionDays")]
    [InlineData("""{"rewardWaitTime":"PT10M","defaultReward":0,"rewardAggregation":"earliest","explorationPercentage":0.2,"modelExportFrequency":"PT5M","logRetentionDays":7,"learningMode":"Chaos"}""", "learningMode")]
    public async Task Bad_service_configuration_gets_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var (api, loopId) = await NewLoopAsync();

        var response = await api.PutAsync("/personalizer/v1.0/configurations/service", RankPayloads.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal("InvalidServiceConfiguration", code);
        Assert.Contains(field, message);
        Assert.Equal(LoopSettings.Default, factory.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Settings);
    }

    [Theory]
    [InlineData("--cb_explore_adf --epsilon 0.2 --marginal xyz", "--marginal")]
    [InlineData("--cb_explore_adf --epsilon two", "--epsilon")]
    public async Task An_unsupported_policy_gets_400_InvalidPolicyConfiguration_naming_the_flag(string arguments, string flag)
    {
        var (api, _) = await NewLoopAsync();

        var response = await api.PutAsync("/personalizer/v1.0/configurations/policy",
            RankPayloads.Json($$"""{"name":"bad","arguments":"{{arguments}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal("InvalidPolicyConfiguration", code);
        Assert.Contains(flag, message);
    }

    [Fact]
    public async Task A_new_policy_on_a_model_that_learned_is_refused_until_the_model_is_reset()
    {
        var (api, loopId) = await NewLoopAsync(TimeSpan.FromSeconds(1));
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)));
        var loops = factory.Services.GetRequiredService<LoopDirectory>();
        await Eventually.TrueAsync(() => loops.Find(loopId)!.Model.Current.ExamplesLearned > 0);
        const string policy = """{"name":"ips","arguments":"--cb_explore_adf --epsilon 0.2 --dsjson --cb_type ips -l 0.5 --l1 1E-07 --power_t 0.5"}""";

        var refused = await api.PutAsync("/personalizer/v1.0/configurations/policy", RankPayloads.Json(policy));
        var reset = await api.DeleteAsync("/personalizer/v1.0/model");
        var accepted = await api.PutAsync("/personalizer/v1.0/configurations/policy", RankPayloads.Json(policy));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Reset the model", (await refused.ReadErrorAsync()).Message);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("--cb_type ips", (await accepted.ReadJsonAsync()).GetProperty("arguments").GetString());
        Assert.Equal(0, loops.Find(loopId)!.Model.Current.ExamplesLearned);
    }

    [Fact]
    public async Task A_policy_that_differs_only_in_epsilon_keeps_the_learned_model()
    {
        var (api, loopId) = await NewLoopAsync(TimeSpan.FromSeconds(1));
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)));
        var loops = factory.Services.GetRequiredService<LoopDirectory>();
        await Eventually.TrueAsync(() => loops.Find(loopId)!.Model.Current.ExamplesLearned > 0);
        var arguments = Portal.Features.Learning.PolicyParser.PortalDefault.Replace("--epsilon 0.2", "--epsilon 0.3");

        var response = await api.PutAsync("/personalizer/v1.0/configurations/policy", RankPayloads.Json($$"""{"name":"wider","arguments":"{{arguments}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(loops.Find(loopId)!.Model.Current.ExamplesLearned > 0);
    }

    [Fact]
    public async Task Deleting_the_logs_removes_the_loops_decisions_only()
    {
        var (api, _) = await NewLoopAsync();
        var (other, _) = await NewLoopAsync();
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()));
        await other.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()));

        var deleted = await api.DeleteAsync("/personalizer/v1.0/logs");
        var mine = await (await api.GetAsync("/personalizer/v1.0/logs/properties")).ReadJsonAsync();
        var theirs = await (await other.GetAsync("/personalizer/v1.0/logs/properties")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, mine.GetProperty("dateRange").GetProperty("from").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.String, theirs.GetProperty("dateRange").GetProperty("from").ValueKind);
    }

    private async Task<(HttpClient Api, string LoopId)> NewLoopAsync(TimeSpan? wait = null)
    {
        var (id, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = wait ?? LoopSettings.Default.RewardWaitTime });
        return (api, id);
    }

}
