using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// At start-up: a run this node left Running was cut off by a crash or restart (the runner keeps nothing between
/// starts), so it is marked Failed with that reason; so is one whose node has not stored its heartbeat for
/// <see cref="StaleAfter"/> (that node stopped). Another node's live run is left to it. The runs still Pending are
/// queued again, oldest first (a run two nodes queue is claimed by one).
/// </summary>
public sealed class InterruptedRuns(IDbContextFactory<PortalDbContext> dbFactory, EvaluationQueue queue, TimeProvider clock,
    IOptions<ClusterOptions> cluster, ILogger<InterruptedRuns> logger)
{
    public const string InterruptedMessage = "The evaluation was interrupted by a restart of Portal. Run it again.";

    /// <summary>A running evaluation stores its heartbeat every 2 s; one silent this long lost its node.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    public static string NodeStoppedMessage(string node) => $"The node evaluating it ({node}) stopped before it finished. Run it again.";

    public async Task RecoverAsync(CancellationToken ct)
    {
        var node = cluster.Value.ResolvedNodeId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var interrupted = await db.EvaluationRuns.Where(r => r.Status == EvaluationRunStatus.Running && (r.RunningOn == null || r.RunningOn == node))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, EvaluationRunStatus.Failed)
                .SetProperty(r => r.FailureMessage, InterruptedMessage)
                .SetProperty(r => r.FinishedAt, now), ct);
        if (interrupted > 0) logger.LogWarning("{Count} evaluation run(s) were interrupted by a restart and marked failed", interrupted);
        var staleSince = now - StaleAfter;
        var stale = await db.EvaluationRuns.AsNoTracking()
            .Where(r => r.Status == EvaluationRunStatus.Running && r.RunningOn != null && r.HeartbeatAt < staleSince)
            .Select(r => new { r.LoopId, r.Id, r.RunningOn }).ToListAsync(ct);
        foreach (var run in stale)
        {
            // Conditional on the heartbeat still being old: a node that was only slow and stored one meanwhile keeps its run.
            await db.EvaluationRuns.Where(r => r.LoopId == run.LoopId && r.Id == run.Id && r.Status == EvaluationRunStatus.Running && r.HeartbeatAt < staleSince)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, EvaluationRunStatus.Failed)
                    .SetProperty(r => r.FailureMessage, NodeStoppedMessage(run.RunningOn!))
                    .SetProperty(r => r.FinishedAt, now), ct);
            logger.LogWarning("Evaluation run {LoopId}/{RunId} lost its node {Node} and was marked failed", run.LoopId, run.Id, run.RunningOn);
        }

        var pending = await db.EvaluationRuns.AsNoTracking().Where(r => r.Status == EvaluationRunStatus.Pending)
            .OrderBy(r => r.CreatedAt).Select(r => new RunKey(r.LoopId, r.Id)).ToListAsync(ct);
        foreach (var run in pending)
        {
            if (queue.TryEnqueue(run)) continue;
            await FailAsync(db, run, "The evaluation queue was full when Portal restarted. Run it again.", ct);
        }
    }

    private async Task FailAsync(PortalDbContext db, RunKey run, string message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.EvaluationRuns.Where(r => r.LoopId == run.LoopId && r.Id == run.Id && r.Status == EvaluationRunStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, EvaluationRunStatus.Failed)
                .SetProperty(r => r.FailureMessage, message)
                .SetProperty(r => r.FinishedAt, now), ct);
    }
}
