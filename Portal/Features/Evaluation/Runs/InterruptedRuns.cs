using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// At start-up: a run left Running was cut off by a crash or restart (the runner keeps nothing between starts), so it is
/// marked Failed with that reason; the runs still Pending are queued again, oldest first.
/// </summary>
public sealed class InterruptedRuns(IDbContextFactory<PortalDbContext> dbFactory, EvaluationQueue queue, TimeProvider clock,
    ILogger<InterruptedRuns> logger)
{
    public const string InterruptedMessage = "The evaluation was interrupted by a restart of Portal. Run it again.";

    public async Task RecoverAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var interrupted = await db.EvaluationRuns.Where(r => r.Status == EvaluationRunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, EvaluationRunStatus.Failed)
                .SetProperty(r => r.FailureMessage, InterruptedMessage)
                .SetProperty(r => r.FinishedAt, now), ct);
        if (interrupted > 0) logger.LogWarning("{Count} evaluation run(s) were interrupted by a restart and marked failed", interrupted);

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
