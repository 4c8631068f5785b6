using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Contracts.DecisionLog;

/// <summary>The most recent logged decisions with their requests read back, for previews ("how many would match").</summary>
public sealed class DecisionSamples(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int DefaultSize = 2000;

    /// <summary>Up to <paramref name="size"/> newest decisions of a loop (or of every loop), newest first.</summary>
    public async Task<IReadOnlyList<LoggedDecision>> RecentAsync(string? loopId, int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Decisions.AsNoTracking();
        if (loopId is not null) query = query.Where(d => d.LoopId == loopId);
        var rows = await query.OrderByDescending(d => d.Seq).Take(Math.Clamp(size, 1, 100_000))
            .Select(d => new { d.Seq, d.LoopId, d.EventId, d.CreatedAt, d.RequestJson, d.ActionListId, d.ChosenActionId, d.BaselineActionId, d.Oversight })
            .ToListAsync(ct);
        var lists = await StoredActionLists.LoadAsync(db, rows.Select(r => r.ActionListId), ct);

        var decisions = new List<LoggedDecision>(rows.Count);
        foreach (var row in rows)
        {
            if (LoggedRequest.Read(lists.RequestOf(row.RequestJson, row.ActionListId)) is not { } request) continue;
            decisions.Add(new LoggedDecision(row.Seq, row.LoopId, row.EventId, row.CreatedAt,
                request.ContextFeatures ?? [],
                request.Actions?.Select(a => a.Id ?? "").ToList() ?? [],
                request.ExcludedActions ?? [],
                row.ChosenActionId, row.BaselineActionId, row.Oversight));
        }
        return decisions;
    }
}
