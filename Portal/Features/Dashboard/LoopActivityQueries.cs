using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Loops;

namespace Portal.Features.Dashboard;

/// <summary>
/// Figures of the overview page. The average reward counts decisions of the last hour whose reward wait has
/// passed (missing rewards count as the default reward); the baseline's is its inverse-propensity estimate
/// from the same decisions: what always serving the first action would have earned.
/// </summary>
public sealed class LoopActivityQueries(IDbContextFactory<PortalDbContext> dbFactory, LoopDirectory loops, TimeProvider clock)
{
    public async Task<IReadOnlyList<LoopActivity>> ActivityAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var minuteAgo = now.AddMinutes(-1);
        var hourAgo = now.AddHours(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actionCounts = await db.LoopActions.GroupBy(a => a.LoopId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var result = new List<LoopActivity>();
        foreach (var loop in loops.All.OrderBy(l => l.Id))
        {
            var perMinute = await db.Decisions.CountAsync(d => d.LoopId == loop.Id && d.CreatedAt >= minuteAgo, ct);
            var settledBefore = now - loop.Settings.RewardWaitTime;
            var fallback = loop.Settings.DefaultReward;
            var rewards = await db.Decisions
                .Where(d => d.LoopId == loop.Id && d.CreatedAt >= hourAgo && d.CreatedAt <= settledBefore)
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Count = g.Count(),
                    Average = g.Average(d => d.Reward ?? fallback),
                    Baseline = g.Average(d => d.ChosenActionId == d.BaselineActionId ? (d.Reward ?? fallback) / d.ChosenProbability : 0.0),
                })
                .ToListAsync(ct);
            var settled = rewards.SingleOrDefault();
            // The first entry of the (LoopId, CreatedAt) index: shows that retention is enforced.
            var oldest = await db.Decisions.Where(d => d.LoopId == loop.Id).OrderBy(d => d.CreatedAt)
                .Select(d => (DateTimeOffset?)d.CreatedAt).FirstOrDefaultAsync(ct);
            var model = loop.Model.Current;
            result.Add(new LoopActivity(loop.Id, loop.Name, loop.Settings.LearningMode, actionCounts.GetValueOrDefault(loop.Id),
                perMinute, settled?.Count ?? 0, settled?.Average, settled?.Baseline, model.Version, model.ExamplesLearned,
                oldest, loop.Settings.LogRetentionDays));
        }
        return result;
    }

    public async Task<IReadOnlyList<RecentDecision>> RecentAsync(int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Decisions.AsNoTracking().OrderByDescending(d => d.Seq).Take(count)
            .Select(d => new RecentDecision(d.LoopId, d.EventId, d.CreatedAt, d.ChosenActionId, d.ChosenProbability, d.Explored, d.Reward))
            .ToListAsync(ct);
    }
}
