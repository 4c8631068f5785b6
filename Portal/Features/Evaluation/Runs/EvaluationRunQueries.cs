using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// Reads a loop's stored runs for the page and the API: newest first, paged in SQL, with the live progress of the run
/// in progress taken from the <see cref="EvaluationProgressBoard"/>.
/// </summary>
public sealed class EvaluationRunQueries(IDbContextFactory<PortalDbContext> dbFactory, EvaluationProgressBoard board)
{
    public async Task<(IReadOnlyList<EvaluationRunSummary> Runs, int Total)> ListAsync(string loopId, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.EvaluationRuns.AsNoTracking().Where(r => r.LoopId == loopId);
        var total = await runs.CountAsync(ct);
        var page = await runs.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (page.Select(Summary).ToList(), total);
    }

    public async Task<EvaluationRunDetail?> FindAsync(RunKey key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.LoopId == key.LoopId && r.Id == key.Id, ct);
        if (run is null) return null;
        var candidates = JsonSerializer.Deserialize(run.CandidatesJson, EvaluationRunJsonContext.Default.ListStoredCandidate) ?? [];
        var report = run.ResultJson is { } json ? JsonSerializer.Deserialize(json, EvaluationRunJsonContext.Default.StoredReport) : null;
        return new EvaluationRunDetail(Summary(run), candidates, report);
    }

    private EvaluationRunSummary Summary(EvaluationRun run)
    {
        var live = run.Status == EvaluationRunStatus.Running ? board.ProgressOf(new RunKey(run.LoopId, run.Id)) : null;
        return new EvaluationRunSummary(run.LoopId, run.Id, run.Name, run.From, run.To, run.Status,
            live?.Fraction ?? run.Progress, live?.DecisionsRead ?? run.DecisionsRead, run.FailureMessage, run.FailureField,
            run.IntervalMinutes, run.OptimizationDiscovery, run.CreatedByName, run.CreatedAt, run.StartedAt, run.FinishedAt);
    }
}
