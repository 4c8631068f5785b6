using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Retention;

/// <summary>
/// A loop's decisions made before the cutoff, oldest first, with the flags people put on them. A decision's reward,
/// activation and explanation live in its own row and go with it.
/// </summary>
public sealed class ExpiredDecisions(IDbContextFactory<PortalDbContext> dbFactory) : IExpiringData
{
    public const string Decisions = "decisions";
    public const string Flags = "decisionFlags";

    public async IAsyncEnumerable<PurgeBatch> ExpiredAsync(string loopId, DateTimeOffset cutoff, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Keyset on (CreatedAt, Seq), the order of the (LoopId, CreatedAt) index: each read starts where the last ended.
        var (afterTime, afterSeq) = (DateTimeOffset.MinValue, 0L);
        while (true)
        {
            var batch = await NextAsync(loopId, cutoff, afterTime, afterSeq, batchSize, ct);
            if (batch.Count == 0) yield break;
            (afterTime, afterSeq) = (batch[^1].CreatedAt, batch[^1].Seq);
            var seqs = batch.Select(d => d.Seq).ToList();
            // The flags first, to count them (the foreign key would also take them with their decisions).
            yield return PurgeBatches.ByIds(seqs,
                (Flags, "DELETE FROM DecisionFlags WHERE DecisionSeq IN {ids}"),
                (Decisions, "DELETE FROM Decisions WHERE Seq IN {ids}"));
            if (batch.Count < batchSize) yield break;
        }
    }

    private async Task<List<(long Seq, DateTimeOffset CreatedAt)>> NextAsync(string loopId, DateTimeOffset cutoff,
        DateTimeOffset afterTime, long afterSeq, int batchSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.LoopId == loopId && d.CreatedAt < cutoff && d.CreatedAt >= afterTime && (d.CreatedAt > afterTime || d.Seq > afterSeq))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Seq)
            .Take(batchSize)
            .Select(d => new { d.Seq, d.CreatedAt })
            .ToListAsync(ct);
        return rows.Select(r => (r.Seq, r.CreatedAt)).ToList();
    }
}
