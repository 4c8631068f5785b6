using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Learning;
using Portal.Features.Training;

namespace Portal.Benchmarks.Service;

/// <summary>
/// Where a trainer pass spends its time, stage by stage over one loop's log, batch by batch as the trainer reads it:
/// the read (SQL and rows), decoding Rank's hashed features, decoding and learning, publishing a snapshot. Wall-clock
/// µs per example and the share of the stages' sum (the shares stay comparable when the machine is loaded).
/// </summary>
internal static class TrainerStages
{
    public static async Task PrintAsync(IServiceProvider services, string loopId, LearnerPolicy policy, int batchSize)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var reader = new LearnerFeatureReader();
        var learner = new OnlineLearner(policy);
        var stages = new (string Name, Stopwatch Watch, long Bytes)[] { ("read", new(), 0), ("decode", new(), 0), ("decode+learn", new(), 0), ("publish", new(), 0) };
        var examples = 0;
        long after = 0;
        while (true)
        {
            List<TrainingExample> batch = [];
            await MeasureAsync(stages, 0, async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                batch = await TrainingBatch.ReadAsync(db, loopId, after, batchSize, CancellationToken.None);
            });
            if (batch.Count == 0) break;
            examples += batch.Count;
            after = batch[^1].Seq;
            await MeasureAsync(stages, 1, () =>
            {
                foreach (var e in batch) reader.TryRead(e.LearnerFeatures, e.ListActionSets, 0, out _, out _, out _);
                return Task.CompletedTask;
            });
            await MeasureAsync(stages, 2, () =>
            {
                foreach (var e in batch)
                {
                    reader.TryRead(e.LearnerFeatures, e.ListActionSets, 0, out var context, out var actions, out var chosen);
                    learner.Learn(context, actions, chosen, e.ChosenProbability, e.Reward ?? 0);
                }
                return Task.CompletedTask;
            });
            await MeasureAsync(stages, 3, () =>
            {
                learner.Snapshot();
                return Task.CompletedTask;
            });
        }

        // decode+learn includes decode: the sum counts it once.
        var sum = stages[0].Watch.Elapsed + stages[2].Watch.Elapsed + stages[3].Watch.Elapsed;
        foreach (var (name, watch, bytes) in stages)
            Console.WriteLine($"    {name,-12} {watch.Elapsed.TotalMicroseconds / examples,6:F2} µs {watch.Elapsed / sum,6:P0} {bytes / (double)examples,7:N0} B per example");
    }

    private static async Task MeasureAsync((string Name, Stopwatch Watch, long Bytes)[] stages, int stage, Func<Task> work)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        stages[stage].Watch.Start();
        await work();
        stages[stage].Watch.Stop();
        stages[stage].Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
    }
}
