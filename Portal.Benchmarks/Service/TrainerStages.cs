using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Learning;
using Portal.Features.Training;

namespace Portal.Benchmarks.Service;

/// <summary>Where a trainer pass spends its time, stage by stage over the whole log of one loop.</summary>
internal static class TrainerStages
{
    public static async Task PrintAsync(IServiceProvider services, string loopId, LearnerPolicy policy, int batchSize)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var batches = new List<List<TrainingExample>>();
        var examples = 0;
        var read = await MeasureAsync(async () =>
        {
            long after = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var batch = await TrainingBatch.ReadAsync(db, loopId, after, batchSize, CancellationToken.None);
                if (batch.Count == 0) break;
                batches.Add(batch);
                examples += batch.Count;
                after = batch[^1].Seq;
            }
        });
        var reader = new LearnerFeatureReader();
        var decode = await MeasureAsync(() =>
        {
            foreach (var batch in batches)
                foreach (var e in batch) reader.TryRead(e.LearnerFeatures, 0, out _, out _, out _);
            return Task.CompletedTask;
        });
        var learner = new OnlineLearner(policy);
        var learn = await MeasureAsync(() =>
        {
            foreach (var batch in batches)
                foreach (var e in batch)
                {
                    reader.TryRead(e.LearnerFeatures, 0, out var c, out var a, out var chosen);
                    learner.Learn(c, a, chosen, e.ChosenProbability, 1);
                }
            return Task.CompletedTask;
        });
        var publish = await MeasureAsync(() =>
        {
            foreach (var _ in batches) learner.Snapshot();
            return Task.CompletedTask;
        });
        foreach (var (name, (seconds, cpu, bytes)) in new[] { ("read", read), ("decode", decode), ("decode+learn", learn), ("publish", publish) })
            Console.WriteLine($"    {name,-12} {seconds * 1e6 / examples,7:F2} µs (CPU {cpu * 1e6 / examples,6:F2} µs) {bytes / (double)examples,8:N0} B per example");
    }

    private static async Task<(double Seconds, double CpuSeconds, long Bytes)> MeasureAsync(Func<Task> stage)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await stage();
        return (watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }
}
