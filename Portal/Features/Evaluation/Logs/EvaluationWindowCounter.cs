using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Training;

namespace Portal.Features.Evaluation.Logs;

/// <summary>
/// One cheap query before an evaluation reads anything: how many of a window's decisions the trainer could learn from
/// (<see cref="Learnability.WhereLearnable"/>; flags and quarantines are few and only known while
/// reading, so the count may exceed what is read by those). It refuses an empty window and scales the progress bar.
/// Also finds where the newest <c>n</c> of them start, so a preview can cap its window.
/// </summary>
public sealed class EvaluationWindowCounter(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<long> CountAsync(string loopId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Learnable(db, loopId, from, to).LongCountAsync(ct);
    }

    /// <summary>The time of the <paramref name="newest"/>-th newest learnable decision, or null when there are fewer.</summary>
    public async Task<DateTimeOffset?> StartOfNewestAsync(string loopId, DateTimeOffset from, DateTimeOffset to, int newest, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var times = await Learnable(db, loopId, from, to).OrderByDescending(d => d.CreatedAt).Skip(newest - 1).Take(1).Select(d => d.CreatedAt).ToListAsync(ct);
        return times.Count == 0 ? null : times[0];
    }

    private static IQueryable<Decision> Learnable(PortalDbContext db, string loopId, DateTimeOffset from, DateTimeOffset to) =>
        db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId && d.CreatedAt >= from && d.CreatedAt < to).WhereLearnable();
}
