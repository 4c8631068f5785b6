using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Features.Decisions.Log;
using Portal.Features.Decisions.Retention;
using Portal.Features.Privacy;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.CommunityReview.Panels;

/// <summary>
/// A panel item goes, with its judgements, when its decision goes: past the loop's log retention, with the loop's log,
/// and when the decision's user opts out. Deleted rather than unlinked: the snapshot reviewers see has no ids, but it
/// still holds the values that decision's context had and the row keeps its event id, so an item without its decision
/// would be a copy of that person's data the retention promise no longer covers. Tickets a judgement opened stay (they
/// keep their own copy under their own retention); the panel stays too, and its results count the items left.
/// </summary>
public sealed class PanelItemsOfLog(IDbContextFactory<PortalDbContext> dbFactory, ContextUserIds contextUserIds, UserIds userIds)
    : IExpiringData, ILogDerivedData, IForgetOnOptOut
{
    public const string Items = "reviewPanelItems";
    public const string Judgements = "reviewJudgements";

    /// <summary>
    /// The purge removes the decisions first, so the loop's expired items are those whose decision is gone (<paramref name="cutoff"/>
    /// is then already applied); an item whose decision is still in the log is never touched.
    /// </summary>
    public async IAsyncEnumerable<PurgeBatch> ExpiredAsync(string loopId, DateTimeOffset cutoff, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        List<long> orphaned;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            orphaned = await db.ReviewPanelItems.Where(i => i.LoopId == loopId && !db.Decisions.Any(d => d.LoopId == i.LoopId && d.EventId == i.EventId))
                .Select(i => i.Id).ToListAsync(ct);
        foreach (var chunk in orphaned.Chunk(batchSize))
        {
            yield return PurgeBatches.ByIds(chunk,
                (Judgements, $"DELETE FROM ReviewJudgements WHERE ItemId IN {IdList.Placeholder}"),
                (Items, $"DELETE FROM ReviewPanelItems WHERE Id IN {IdList.Placeholder}"));
        }
    }

    public async Task DeleteLoopAsync(PortalDbContext db, string loopId, CancellationToken ct)
    {
        await db.ReviewJudgements.Where(j => db.ReviewPanelItems.Any(i => i.Id == j.ItemId && i.LoopId == loopId)).ExecuteDeleteAsync(ct);
        await db.ReviewPanelItems.Where(i => i.LoopId == loopId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Panels are small samples: the loop's items are few, so each one's user id is read from its decision here.</summary>
    public async Task ForgetAsync(string loopId, string userHash, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.ReviewPanelItems.AsNoTracking().Where(i => i.LoopId == loopId)
            .Join(db.Decisions.Where(d => d.LoopId == loopId), i => i.EventId, d => d.EventId, (i, d) => new { i.Id, d.RequestJson })
            .ToListAsync(ct);
        var ids = items.Where(i => UserHashOf(i.RequestJson) == userHash).Select(i => i.Id).ToList();
        if (ids.Count == 0) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ReviewJudgements.Where(j => ids.Contains(j.ItemId)).ExecuteDeleteAsync(ct);
        await db.ReviewPanelItems.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private string? UserHashOf(string requestJson)
    {
        using var context = LoggedContext.Of(requestJson);
        return contextUserIds.Of(context.Features) is { } userId ? UserIds.ToHex(userIds.Hash(userId)) : null;
    }
}
