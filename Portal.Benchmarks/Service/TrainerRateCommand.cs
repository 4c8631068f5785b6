using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Insights;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Features.Training;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>trainer-rate</c>: examples per second the trainer learns from the decision log (SQLite, the service benchmarks'
/// body: 10 actions × 20 features), read and learned as <see cref="DecisionTrainer"/> does, for decisions logged with
/// Rank's hashed features and for decisions logged without them (rows from before the upgrade: the request is parsed).
/// Options: --decisions 20000.
/// </summary>
public static class TrainerRateCommand
{
    public const double Target = 50_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = new CommandOptions(args).Int("decisions", 20_000);
        var folder = Directory.CreateTempSubdirectory("portal-trainer-rate-").FullName;
        try
        {
            await using var host = await InsightsHost.CreateAsync(folder);
            var services = host.Services;
            Console.WriteLine($"trainer-rate: {count:N0} decisions per loop, 10 actions × 20 features, {Environment.ProcessorCount} cores, load {LoadAverage()}");
            var ok = true;
            foreach (var (loopId, withRecord) in new[] { ("hashed", true), ("request-only", false) })
            {
                var created = await services.GetRequiredService<LoopProvisioning>().CreateAsync(loopId, loopId, LoopSettings.Default, null, Actor.System, CancellationToken.None);
                if (created.Error is not null) throw new InvalidOperationException(created.Error);
                await WriteAsync(host.Storage, loopId, count, withRecord);
                var loop = services.GetRequiredService<LoopDirectory>().Find(loopId)!;
                var trainer = services.GetRequiredService<DecisionTrainer>();
                await host.HoldTrainerLeaseAsync();
                var watch = Stopwatch.StartNew();
                var learned = 0;
                while (await trainer.TrainLoopAsync(loop, CancellationToken.None) is > 0 and var pass) learned += pass;
                var rate = learned / watch.Elapsed.TotalSeconds;
                var verdict = withRecord ? (rate >= Target ? $" (target ≥ {Target:N0}: met)" : $" (target ≥ {Target:N0}: NOT met)") : "";
                Console.WriteLine($"  {(withRecord ? "logged with Rank's hashed features" : "logged before them (request parsed)"),-40} {learned:N0} learned in {watch.Elapsed.TotalSeconds:F2} s = {rate:N0} examples/s{verdict}");
                if (withRecord) ok &= rate >= Target;
            }
            Console.WriteLine($"  load after: {LoadAverage()}");
            return ok ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Decisions as Rank logs them (LogStatements), a day old so the reward wait is over.</summary>
    private static async Task WriteAsync(StorageOptions storage, string loopId, int count, bool withRecord)
    {
        await using var connection = await SqliteConnections.OpenAsync(storage, CancellationToken.None);
        using var statements = new LogStatements(connection);
        using var transaction = connection.BeginTransaction();
        statements.Transaction = transaction;
        var createdAt = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            var json = RankBody.Json($"{loopId}-{i}", i);
            var request = JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.RankRequest)!;
            var (context, actions) = RequestFeatures.Of(request, null);
            var chosen = i % actions.Length;
            statements.Insert(new DecisionRecord(loopId, $"{loopId}-{i}", createdAt, json, $"a{chosen}", 0.1, "a0", true, 1,
                LearningMode.Online, "[]", "[]", false, LearnerFeatures: withRecord ? LearnerFeatureRecord.Write(context, actions, chosen, 0) : null));
        }
        transaction.Commit();
        statements.Transaction = null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
