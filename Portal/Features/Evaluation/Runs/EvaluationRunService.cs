using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// Starts, cancels and deletes a loop's evaluation runs (policy <see cref="PortalPolicies.ManageLoops"/>, or the loop's
/// own key): checks the request, stores the run with an audit entry, then queues it for the <see cref="EvaluationRunner"/>.
/// </summary>
public sealed class EvaluationRunService(
    NewEvaluationValidator validator,
    LoopDirectory loops,
    EvaluationQueue queue,
    EvaluationCancellations cancellations,
    EvaluationProgressBoard board,
    ActorAuthorization authorization,
    AuditTrail audit,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock)
{
    public sealed record Outcome(RunKey? Run, IReadOnlyList<EvaluationProblem> Problems)
    {
        public static Outcome Refused(params EvaluationProblem[] problems) => new(null, problems);
    }

    public async Task<Outcome> CreateAsync(NewEvaluation request, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, request.LoopId);
        if (loops.Find(request.LoopId) is not { } loop) return Outcome.Refused(EvaluationProblem.LoopNotFound(request.LoopId));
        var standard = request.Standard.Distinct().Select(kind => StoredCandidate.Standard(kind, loop.Policy.Arguments)).ToList();
        var problems = await validator.ValidateAsync(request, standard, ct);
        if (problems.Count > 0) return new Outcome(null, problems);

        var candidates = standard.Concat(request.Policies.Select(p => StoredCandidate.Custom(p.Name!.Trim(), p.Arguments!))).ToList();
        if (request.OptimizationDiscovery)
        {
            var taken = candidates.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            candidates.AddRange(PolicyOptimizationGrid.Around(loop.Policy.Arguments).Where(c => !taken.Contains(c.Name)));
        }
        var run = new EvaluationRun
        {
            LoopId = loop.Id,
            Id = request.Id ?? Guid.NewGuid().ToString(),
            Name = request.Name!.Trim(),
            From = request.From!.Value,
            To = request.To!.Value,
            CandidatesJson = JsonSerializer.Serialize(candidates, EvaluationRunJsonContext.Default.ListStoredCandidate),
            IntervalMinutes = validator.IntervalFor(request.IntervalMinutes, request.From.Value, request.To.Value),
            OptimizationDiscovery = request.OptimizationDiscovery,
            Status = EvaluationRunStatus.Pending,
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        var key = new RunKey(run.LoopId, run.Id);
        if (!await StoreAsync(run, actor, ct))
            return Outcome.Refused(new EvaluationProblem(409, EvaluationProblem.EvaluationAlreadyExists, "evaluationId",
                $"Evaluation with id {run.Id} already exists."));
        if (!queue.TryEnqueue(key))
        {
            await RemoveAsync(key, ct);
            return Outcome.Refused(new EvaluationProblem(503, ApiErrorCodes.ServiceUnavailable, "queue",
                "Too many evaluations are waiting to run. Try again when some have finished."));
        }
        board.Changed(key);
        return new Outcome(key, []);
    }

    /// <summary>Stops a queued or running evaluation; false when it does not exist or has already ended.</summary>
    public async Task<bool> CancelAsync(RunKey run, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, run.LoopId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var queued = await Of(db, run).Where(r => r.Status == EvaluationRunStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, EvaluationRunStatus.Canceled)
            .SetProperty(r => r.FailureMessage, "Canceled before it started.")
            .SetProperty(r => r.FinishedAt, now), ct);
        var stopped = queued > 0 || cancellations.Cancel(run);
        if (stopped) await AuditAsync(db, actor, run, "loop.evaluation.cancel", ct);
        await transaction.CommitAsync(ct);
        board.Changed(run);
        return stopped;
    }

    /// <summary>Cancels the run if it is still going, and deletes it with its result; false when there was none.</summary>
    public async Task<bool> DeleteAsync(RunKey run, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, run.LoopId);
        cancellations.Cancel(run);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await Of(db, run).ExecuteDeleteAsync(ct);
        if (deleted == 0) return false;
        await AuditAsync(db, actor, run, "loop.evaluation.delete", ct);
        await transaction.CommitAsync(ct);
        board.Changed(run, ended: true);
        return true;
    }

    private async Task<bool> StoreAsync(EvaluationRun run, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await Of(db, new RunKey(run.LoopId, run.Id)).AnyAsync(ct)) return false;
        db.EvaluationRuns.Add(run);
        await audit.AppendAsync(db, actor, new AuditRecord("loop.evaluation.create", "evaluation", run.Id, run.LoopId,
            After: AuditRecord.Json(new { name = run.Name, from = run.From, to = run.To, candidates = JsonDocument.Parse(run.CandidatesJson).RootElement })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task RemoveAsync(RunKey run, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Of(db, run).ExecuteDeleteAsync(ct);
    }

    private async Task AuditAsync(PortalDbContext db, Actor actor, RunKey run, string action, CancellationToken ct)
    {
        await audit.AppendAsync(db, actor, new AuditRecord(action, "evaluation", run.Id, run.LoopId), ct);
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<EvaluationRun> Of(PortalDbContext db, RunKey run) =>
        db.EvaluationRuns.Where(r => r.LoopId == run.LoopId && r.Id == run.Id);
}
