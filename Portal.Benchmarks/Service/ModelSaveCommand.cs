using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Insights;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Infrastructure.Cluster;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>model-save</c>: what one model save costs now that models live in the database (SQLite here: one fenced
/// transaction), against the file the trainer wrote before (temporary file, flushed to disk, moved over the old one),
/// for a model that has learned the service benchmarks' body (10 actions × 20 features). Options: --saves 200.
/// </summary>
public static class ModelSaveCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var saves = new CommandOptions(args).Int("saves", 200);
        var folder = Directory.CreateTempSubdirectory("portal-model-save-").FullName;
        try
        {
            await using var host = await InsightsHost.CreateAsync(folder);
            var learner = TrainedLearner();
            var bytes = new MemoryStream();
            learner.Save(bytes);
            var store = host.Services.GetRequiredService<ModelStore>();
            var lease = host.Services.GetRequiredService<TrainerLease>();
            Console.WriteLine($"model-save: a model of {bytes.Length:N0} bytes, {saves} saves each way, {Environment.ProcessorCount} cores, load {LoadAverage()}");

            var generation = 0L;
            // The lease is renewed between saves, untimed, as its own loop would.
            var database = await TimeAsync(saves, () => lease.TickAsync(CancellationToken.None), async i =>
            {
                var term = lease.Current ?? throw new InvalidOperationException("The node holds no lease.");
                var (outcome, row) = await store.SaveAsync("bench", learner, i, generation, term, CancellationToken.None);
                if (outcome != ModelStore.SaveOutcome.Saved) throw new InvalidOperationException($"Save refused: {outcome}");
                generation = row.Generation;
            });
            var path = Path.Combine(folder, "bench.model");
            var file = await TimeAsync(saves, () => Task.CompletedTask, _ => { SaveToFile(path, learner); return Task.CompletedTask; });
            Console.WriteLine($"  database (SQLite, fenced transaction): median {database.Median:F2} ms, p90 {database.P90:F2} ms");
            Console.WriteLine($"  file (flushed to disk, moved):        median {file.Median:F2} ms, p90 {file.P90:F2} ms");
            Console.WriteLine($"  ratio database / file (medians): {database.Median / file.Median:F2}; load after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static OnlineLearner TrainedLearner()
    {
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        for (var i = 0; i < 2_000; i++)
        {
            var request = System.Text.Json.JsonSerializer.Deserialize(RankBody.Json($"e{i}", i), Portal.Contracts.Personalizer.PersonalizerJsonContext.Default.RankRequest)!;
            var (context, actions) = RequestFeatures.Of(request, null);
            learner.Learn(context, actions, i % actions.Length, 0.1, i % 3 == 0 ? 1 : 0);
        }
        learner.Snapshot();
        return learner;
    }

    /// <summary>The trainer's file save before models moved into the database.</summary>
    private static void SaveToFile(string path, OnlineLearner learner)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            learner.Save(file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static async Task<(double Median, double P90)> TimeAsync(int count, Func<Task> untimed, Func<int, Task> save)
    {
        await untimed();
        await save(0);
        var times = new List<double>(count);
        for (var i = 1; i <= count; i++)
        {
            await untimed();
            var watch = Stopwatch.StartNew();
            await save(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.9)]);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
}
