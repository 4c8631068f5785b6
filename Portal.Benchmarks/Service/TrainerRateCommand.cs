using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Features.Learning.Models;
using Portal.Benchmarks.Insights;
using Portal.Contracts.DecisionLog;
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
/// Each kind is trained once cold (the JIT compiling as it goes), then --rounds times from the start of the log
/// with a reset model, as a running service trains: the median of the rounds is the figure. Options: --decisions 20000, --rounds 3.
/// </summary>
public static class TrainerRateCommand
{
    public const double Target = 50_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.Int("decisions", 20_000);
        var rounds = Math.Max(1, options.Int("rounds", 3));
        var folder = Directory.CreateTempSubdirectory("portal-trainer-rate-").FullName;
        try
        {
            // The trainer's capacity: no pause between batches (the service's catch-up pacing is a share of this).
            await using var host = await InsightsHost.CreateAsync(folder, builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Training:MaxBusyShare"] = "1" }));
            var services = host.Services;
            Console.WriteLine($"trainer-rate: {count:N0} decisions per loop, 10 actions × 20 features, {rounds} rounds after a cold one, {Environment.ProcessorCount} cores, load {LoadAverage()}");
            var ok = true;
            foreach (var (loopId, withRecord) in new[] { ("hashed", true), ("request-only", false) })
            {
                var created = await services.GetRequiredService<LoopProvisioning>().CreateAsync(loopId, loopId, LoopSettings.Default, null, Actor.System, CancellationToken.None);
                if (created.Error is not null) throw new InvalidOperationException(created.Error);
                await WriteAsync(host.Storage, loopId, count, withRecord);
                var loop = services.GetRequiredService<LoopDirectory>().Find(loopId)!;
                Console.WriteLine($"  {(withRecord ? "logged with Rank's hashed features" : "logged before them (request parsed)")}, load {LoadAverage()}");
                await host.HoldTrainerLeaseAsync();
                var rates = new List<double>();
                for (var round = 0; round <= rounds; round++)
                {
                    var result = await TrainAllAsync(services, loop, count);
                    if (round > 0) rates.Add(result.Rate);
                    Console.WriteLine($"    {(round == 0 ? "cold (JIT)" : $"round {round}"),-11} {result.Rate,9:N0} examples/s, CPU {result.CpuMicroseconds:F1} µs per example, GC pauses {result.GcPauseShare:P1}");
                }
                var median = rates.Order().ElementAt(rates.Count / 2);
                var verdict = withRecord ? $" (target ≥ {Target:N0}: {(median >= Target ? "met" : "NOT met")})" : "";
                Console.WriteLine($"    median      {median,9:N0} examples/s{verdict}");
                if (withRecord)
                {
                    ok &= median >= Target;
                    await TrainerStages.PrintAsync(services, loopId, loop.Policy, services.GetRequiredService<IOptions<TrainingOptions>>().Value.MaxBatchSize);
                }
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

    /// <summary>Trains the loop's model from the start of its log, pass after pass as the trainer does; examples/s, CPU µs per example (all threads: JIT and GC included) and the share of time paused for GC.</summary>
    private static async Task<Round> TrainAllAsync(IServiceProvider services, LoopRuntime loop, int count)
    {
        var model = services.GetRequiredService<ModelRegistry>().GetOrLoad(loop.Id, loop.Policy);
        model.Learner.Reset();
        model.LastTrainedSeq = 0;
        var trainer = services.GetRequiredService<DecisionTrainer>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pauses = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var learned = 0;
        while (await trainer.TrainLoopAsync(loop, CancellationToken.None) is > 0 and var pass) learned += pass;
        if (learned != count) throw new InvalidOperationException($"learned {learned} of {count} decisions");
        return new(learned / watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / learned,
            (GC.GetTotalPauseDuration() - pauses) / watch.Elapsed);
    }

    private readonly record struct Round(double Rate, double CpuMicroseconds, double GcPauseShare);

    /// <summary>
    /// Decisions as Rank logs them (LogStatements, its actions list stored once as on SQLite), a day old so the reward
    /// wait is over.
    /// </summary>
    private static async Task WriteAsync(StorageOptions storage, string loopId, int count, bool withRecord)
    {
        await using var connection = await SqliteConnections.OpenAsync(storage, CancellationToken.None);
        using var statements = new LogStatements(connection);
        using var transaction = connection.BeginTransaction();
        statements.Transaction = transaction;
        var createdAt = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            var json = Encoding.UTF8.GetBytes(RankBody.Json($"{loopId}-{i}", i));
            var request = JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.RankRequest)!;
            var (context, actions) = RequestFeatures.Of(request, null);
            var chosen = i % actions.Length;
            statements.InsertNow(new DecisionRecord(loopId, $"{loopId}-{i}", createdAt, new LoggedText(json), $"a{chosen}", 0.1, "a0", true, 1,
                LearningMode.Online, "[]", "[]", false, LearnerFeatures: withRecord ? LearnerFeatureRecord.Write(context, actions, chosen, 0) : null,
                ActionsJson: LoggedRequest.ActionsValue(json)));
        }
        transaction.Commit();
        statements.Committed();
        statements.Transaction = null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
