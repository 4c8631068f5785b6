using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// Runs the queued evaluations one at a time through <see cref="IPolicyEvaluator"/> (resolved in a scope of its own per
/// run, whatever lifetime the engine is registered with), publishing progress on the <see cref="EvaluationProgressBoard"/>,
/// storing it every <see cref="ProgressStoreEvery"/>, and storing how each run ended: the report, the evaluator's refusal
/// as it worded it, a safe message for anything else (logged), or Canceled when a person or a client stopped it.
/// </summary>
public sealed class EvaluationRunner(
    EvaluationQueue queue,
    InterruptedRuns interrupted,
    IServiceScopeFactory scopes,
    EvaluationCancellations cancellations,
    EvaluationProgressBoard board,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ClusterOptions> cluster,
    ILogger<EvaluationRunner> logger) : BackgroundService
{
    private readonly string node = cluster.Value.ResolvedNodeId;

    public const string UnexpectedFailure = "The evaluation failed unexpectedly. The error was logged for the administrators.";

    public static readonly TimeSpan ProgressStoreEvery = TimeSpan.FromSeconds(2);

    /// <summary>How long the runner waits to try again when the database refused the start-up recovery (read-only, full).</summary>
    public static readonly TimeSpan RecoverRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        await foreach (var run in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(run, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Evaluation run {LoopId}/{RunId} could not be recorded", run.LoopId, run.Id);
            }
        }
    }

    /// <summary>
    /// The runs a restart cut off, until the database takes the change: Portal starts and serves on a read-only or full
    /// data folder, and a failure here must not stop it (a background service's exception stops the host).
    /// </summary>
    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await interrupted.RecoverAsync(stoppingToken);
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(error, "Evaluation runs cut off by the restart could not be recorded; evaluations start once this succeeds (next try in {Retry})", RecoverRetry);
                await Task.Delay(RecoverRetry, clock, stoppingToken);
            }
        }
    }

    private async Task RunAsync(RunKey key, CancellationToken stopping)
    {
        if (await ClaimAsync(key, stopping) is not { } run) return;
        board.Changed(key);
        using var registration = cancellations.Start(key, stopping);
        var candidates = JsonSerializer.Deserialize(run.CandidatesJson, EvaluationRunJsonContext.Default.ListStoredCandidate) ?? [];
        var request = new EvaluationRequest(run.LoopId, run.From, run.To, candidates.Select(c => c.ToCandidate()).ToList(),
            run.IntervalMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var evaluation = scope.ServiceProvider.GetRequiredService<IPolicyEvaluator>()
                .EvaluateAsync(request, board.ReporterFor(key), registration.Token);
            while (await Task.WhenAny(evaluation, Task.Delay(ProgressStoreEvery, clock)) != evaluation) await StoreProgressAsync(key);
            var report = await evaluation;
            var stored = StoredReport.From(report, candidates);
            await FinishAsync(key, EvaluationRunStatus.Succeeded, null, null, report.Decisions,
                JsonSerializer.Serialize(stored, EvaluationRunJsonContext.Default.StoredReport));
        }
        catch (OperationCanceledException) when (registration.Token.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            await FinishAsync(key, EvaluationRunStatus.Canceled, "Canceled before it finished.", null, board.ProgressOf(key)?.DecisionsRead ?? 0, null);
        }
        catch (EvaluationRequestException refused)
        {
            await FinishAsync(key, EvaluationRunStatus.Failed, refused.Message, refused.Field, 0, null);
        }
        catch (Exception error) when (!stopping.IsCancellationRequested)
        {
            logger.LogError(error, "Evaluation run {LoopId}/{RunId} failed", key.LoopId, key.Id);
            await FinishAsync(key, EvaluationRunStatus.Failed, UnexpectedFailure, null, 0, null);
        }
        finally
        {
            board.Changed(key, ended: true);
        }
    }

    /// <summary>Pending → Running in one statement, so a run canceled or deleted while queued is skipped.</summary>
    private async Task<EvaluationRun?> ClaimAsync(RunKey key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await Of(db, key).Where(r => r.Status == EvaluationRunStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, EvaluationRunStatus.Running).SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.RunningOn, node).SetProperty(r => r.HeartbeatAt, now), ct);
        return claimed == 0 ? null : await Of(db, key).AsNoTracking().SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Stores how far the running evaluation has read, so that a page or the API reading the table sees it, and that this
    /// node is still at it (the heartbeat, stored even before the evaluator's first report).
    /// </summary>
    private async Task StoreProgressAsync(RunKey key)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var running = Of(db, key).Where(r => r.Status == EvaluationRunStatus.Running);
        if (board.ProgressOf(key) is { } progress)
            await running.ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, progress.Fraction)
                .SetProperty(r => r.DecisionsRead, progress.DecisionsRead).SetProperty(r => r.HeartbeatAt, now), CancellationToken.None);
        else
            await running.ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), CancellationToken.None);
    }

    /// <summary>Stores the end of a run that is still Running (a run deleted meanwhile stays deleted).</summary>
    private async Task FinishAsync(RunKey key, EvaluationRunStatus status, string? message, string? field, long decisions, string? result)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        var progress = status == EvaluationRunStatus.Succeeded ? 1.0 : board.ProgressOf(key)?.Fraction ?? 0;
        await Of(db, key).Where(r => r.Status == EvaluationRunStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.FailureMessage, message)
            .SetProperty(r => r.FailureField, field)
            .SetProperty(r => r.ResultJson, result)
            .SetProperty(r => r.Progress, progress)
            .SetProperty(r => r.DecisionsRead, decisions)
            .SetProperty(r => r.FinishedAt, now), CancellationToken.None);
    }

    private static IQueryable<EvaluationRun> Of(PortalDbContext db, RunKey key) =>
        db.EvaluationRuns.Where(r => r.LoopId == key.LoopId && r.Id == key.Id);
}
