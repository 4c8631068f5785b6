using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Portal.Features.Loops;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Integrity.Detection;

/// <summary>
/// Runs the manipulation detectors over every loop's settled decisions every <c>CheckInterval</c> and puts what they
/// flag in the review queue. After a restart each loop's baseline is rebuilt from its latest history first; windows
/// settled while the process was down are part of that history, not judged.
/// </summary>
public sealed class ManipulationWatch(
    LoopDirectory loops,
    SettledOutcomes outcomes,
    FindingStore findings,
    TrainerLease lease,
    IOptions<DetectionOptions> options,
    TimeProvider clock,
    ILogger<ManipulationWatch> logger) : BackgroundService
{
    private const int ReadBatch = 5000;
    private readonly ConcurrentDictionary<string, LoopWatch> watches = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // On several nodes one watches (the trainer's): two would open every finding twice.
                if (!lease.IsHeld) continue;
                foreach (var loop in loops.All)
                {
                    try
                    {
                        await CheckAsync(loop, stoppingToken);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        logger.LogError(error, "Manipulation detection for loop {Loop} failed; it will be retried", loop.Id);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Folds the loop's newly settled decisions in and records the findings; returns the ids of findings opened. For tests and benchmarks too.</summary>
    public async Task<IReadOnlyList<long>> CheckAsync(LoopRuntime loop, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var settledBefore = clock.GetUtcNow() - loop.Settings.RewardWaitTime;
            if (!watches.TryGetValue(loop.Id, out var watch))
            {
                var history = options.Value.WindowDecisions * options.Value.BaselineWindows;
                var (start, newest) = await outcomes.StartingPointAsync(loop.Id, settledBefore, history, ct);
                watches[loop.Id] = watch = LoopWatch.From(options.Value, start, newest);
            }
            var opened = new List<long>();
            List<SettledOutcome> batch;
            do
            {
                batch = await outcomes.ReadAsync(loop.Id, watch.Cursor, settledBefore, ReadBatch, ct);
                foreach (var decision in batch)
                {
                    var flags = watch.Fold(decision, loop.Settings.DefaultReward);
                    if (flags.Count > 0) opened.AddRange(await findings.RecordAsync(loop.Id, flags, ct));
                }
            }
            while (batch.Count == ReadBatch);
            if (opened.Count > 0) logger.LogWarning("Manipulation detection opened {Count} finding(s) for loop {Loop}", opened.Count, loop.Id);
            return opened;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a loop's watch (a deleted loop, or a test starting over).</summary>
    public void Forget(string loopId) => watches.TryRemove(loopId, out _);
}
