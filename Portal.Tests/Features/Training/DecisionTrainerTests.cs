using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Training;

public sealed class DecisionTrainerTests : IDisposable
{
    private readonly PortalAppFactory factory = new();

    [Fact]
    public async Task After_the_reward_wait_a_decision_is_learned_and_a_new_model_is_published()
    {
        var (api, loop) = await NewLoopAsync();
        var before = loop.Model.Current;

        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "learn-me")));
        await api.PostAsync("/personalizer/v1.0/events/learn-me/reward", RankPayloads.Json("""{"value":1}"""));
        await Eventually.TrueAsync(() => loop.Model.Current.ExamplesLearned == 1);

        Assert.True(loop.Model.Current.Version > before.Version);
    }

    [Fact]
    public async Task A_deferred_decision_that_was_never_activated_is_not_learned()
    {
        var (api, loop) = await NewLoopAsync();

        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "never-shown", defer: true)));
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "shown", defer: true)));
        await api.PostAsync("/personalizer/v1.0/events/shown/activate", null);
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "marker")));
        var learner = factory.Services.GetRequiredService<ModelRegistry>().Find(loop.Id)!;
        await Eventually.TrueAsync(() => learner.LastTrainedSeq > 0 && loop.Model.Current.ExamplesLearned >= 2);
        await Task.Delay(500);

        Assert.Equal(2, loop.Model.Current.ExamplesLearned);
    }

    [Fact]
    public async Task Learning_survives_a_restart()
    {
        var (api, loop) = await NewLoopAsync();
        for (var i = 0; i < 5; i++) await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, $"restart-{i}")));
        await Eventually.TrueAsync(() => loop.Model.Current.ExamplesLearned == 5);
        var score = ScoreOf(loop.Model.Current);
        factory.KeepDataDirectory = true;
        factory.Dispose();

        using var restarted = new RestartedFactory(factory.DataDirectory);
        var reloaded = restarted.Services.GetRequiredService<LoopDirectory>().Find(loop.Id)!;

        Assert.Equal(5, reloaded.Model.Current.ExamplesLearned);
        Assert.Equal(score, ScoreOf(reloaded.Model.Current));
    }

    [Fact]
    public async Task Changing_the_service_configuration_keeps_what_the_model_learned()
    {
        var (api, loop) = await NewLoopAsync();
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "kept")));
        await Eventually.TrueAsync(() => loop.Model.Current.ExamplesLearned == 1);

        var response = await api.PutAsync("/personalizer/v1.0/configurations/service", RankPayloads.Json("""
            {"rewardWaitTime":"PT2S","defaultReward":0.1,"rewardAggregation":"sum","explorationPercentage":0.3,"modelExportFrequency":"PT1M","logRetentionDays":30}
            """));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var updated = factory.Services.GetRequiredService<LoopDirectory>().Find(loop.Id)!;
        Assert.Equal(TimeSpan.FromSeconds(2), updated.Settings.RewardWaitTime);
        Assert.Equal(1, updated.Model.Current.ExamplesLearned);
    }

    [Fact]
    public async Task A_pass_learns_every_due_decision_batch_after_batch_not_only_one_batch()
    {
        // Batches of 2 and a timer that never fires during the test: only the pass below trains.
        using var small = new SmallBatchFactory();
        var (id, api) = await small.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        var loop = small.Services.GetRequiredService<LoopDirectory>().Find(id)!;
        for (var i = 0; i < 7; i++) await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, $"due-{i}")));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        var learned = await small.Services.GetRequiredService<Portal.Features.Training.DecisionTrainer>().TrainLoopAsync(loop, CancellationToken.None);

        Assert.Equal(7, learned);
        Assert.Equal(7, loop.Model.Current.ExamplesLearned);
    }

    private static double ScoreOf(Portal.Features.Learning.BanditModel model)
    {
        var payload = RankPayloads.Valid(1);
        var context = Portal.Features.Learning.PersonalizerFeatures.Parse(
            [System.Text.Json.JsonDocument.Parse(payload["contextFeatures"]![0]!.ToJsonString()).RootElement]);
        var action = Portal.Features.Learning.PersonalizerFeatures.Parse(
            [System.Text.Json.JsonDocument.Parse(payload["actions"]![0]!["features"]![0]!.ToJsonString()).RootElement]);
        return model.Score(context, action);
    }

    private async Task<(HttpClient Api, LoopRuntime Loop)> NewLoopAsync()
    {
        var (id, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        return (api, factory.Services.GetRequiredService<LoopDirectory>().Find(id)!);
    }


    public void Dispose() => factory.Dispose();

    private sealed class SmallBatchFactory : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:Training:MaxBatchSize"] = "2",
            ["Portal:Training:Interval"] = "00:30:00",
        };
    }

    /// <summary>A second start on the same data folder.</summary>
    private sealed class RestartedFactory(string dataDirectory) : PortalAppFactory
    {

        public override string DataDirectory => dataDirectory;
    }
}
