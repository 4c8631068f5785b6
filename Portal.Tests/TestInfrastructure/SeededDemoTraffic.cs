using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Personalizer;
using Portal.Features.Decisions;
using Portal.Features.Loops;
using Portal.Features.Simulation;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// The demo's simulated visitors (NewsWorld, with its planted unfairness against 65+) from a fixed seed, sent into a
/// loop in process through the same RankService and RewardService as the simulator: minutes of demo traffic in seconds.
/// Every <c>block</c> visits it waits until the trainer has learned from them, so the model keeps up as it does with
/// real-time traffic (otherwise thousands of visits would be decided by a model that has not learned yet).
/// </summary>
public static class SeededDemoTraffic
{
    public static async Task RunAsync(IServiceProvider services, string loopId, int visits, int seed, int concurrency = 32, int block = 500)
    {
        var world = new NewsWorld(new Random(seed));
        var dice = new Random(seed + 1);
        var ranker = services.GetRequiredService<RankService>();
        var rewards = services.GetRequiredService<RewardService>();
        var loops = services.GetRequiredService<LoopDirectory>();
        var learnedBefore = loops.Find(loopId)!.Model.Current.ExamplesLearned;
        for (var start = 0; start < visits; start += concurrency)
        {
            if (start > 0 && start % block < concurrency)
                await Eventually.TrueAsync(() => loops.Find(loopId)!.Model.Current.ExamplesLearned - learnedBefore >= start - concurrency, seconds: 60);
            // Visits are drawn in order (the world's Random is not thread-safe), then ranked concurrently.
            var batch = Enumerable.Range(0, Math.Min(concurrency, visits - start)).Select(_ => (Visit: world.NextVisit(), Roll: dice.NextDouble())).ToList();
            await Task.WhenAll(batch.Select(async item =>
            {
                var visit = item.Visit;
                var body = SimulatedRequest.RankBody(visit, NewsWorld.Articles);
                var request = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
                var loop = loops.Find(loopId)!;
                var result = await ranker.RankAsync(loop, request, Encoding.UTF8.GetString(body), globalPrivacyControl: false, hashed: null, actionsJson: null, CancellationToken.None);
                var shown = NewsWorld.Articles.First(a => a.Id == result.Response!.RewardActionId);
                if (item.Roll < world.ClickProbability(visit, shown)) await rewards.RewardAsync(loop, result.Response!.EventId, 1.0, RewardSources.Unknown, CancellationToken.None);
            }));
        }
    }
}
