using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Comprehension;

/// <summary>
/// Answers to "Was this explanation clear?" of a loop received in [from, to), counted per group as the bias page compares
/// them: by the value of one categorical feature (the automatic segments stored with each answer), or by saved segment
/// (matched against the answered decision's logged context, so a segment saved later counts earlier answers too).
/// </summary>
public sealed class ComprehensionCounts(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<GroupAnswers> EveryoneAsync(string loopId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await Answers(db, loopId, from, to).GroupBy(_ => 1)
            .Select(g => new { Answers = g.LongCount(), Clear = g.LongCount(a => a.Clear) }).FirstOrDefaultAsync(ct);
        return new GroupAnswers("Everyone", counts?.Answers ?? 0, counts?.Clear ?? 0);
    }

    /// <summary>One group per value of the feature among the answers' decisions, ordered by value.</summary>
    public async Task<IReadOnlyList<GroupAnswers>> ByFeatureAsync(string loopId, string feature, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.ComprehensionSegments.AsNoTracking().Where(s => s.Feature == feature)
            .Join(Answers(db, loopId, from, to), s => s.AnswerId, a => a.Id, (s, a) => new { s.Value, a.Clear })
            .GroupBy(x => x.Value)
            .Select(g => new { g.Key, Answers = g.LongCount(), Clear = g.LongCount(x => x.Clear) })
            .ToListAsync(ct);
        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupAnswers(g.Key, g.Answers, g.Clear)).ToList();
    }

    /// <summary>One group per segment, in the order given; an answer whose decision is gone counts in none.</summary>
    public async Task<IReadOnlyList<GroupAnswers>> InSegmentsAsync(string loopId, IReadOnlyList<SegmentCatalog.Entry> segments,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var answers = new long[segments.Count];
        var clear = new long[segments.Count];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Answers(db, loopId, from, to)
            .Join(db.Decisions.AsNoTracking(), a => new { a.LoopId, a.EventId }, d => new { d.LoopId, d.EventId }, (a, d) => new { a.Clear, d.RequestJson })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            using var logged = LoggedContext.Of(row.RequestJson);
            var context = logged.Features;
            for (var i = 0; i < segments.Count; i++)
            {
                if (!segments[i].Predicate.Matches(context)) continue;
                answers[i]++;
                if (row.Clear) clear[i]++;
            }
        }
        return segments.Select((s, i) => new GroupAnswers(s.Name, answers[i], clear[i])).ToList();
    }

    private static IQueryable<ComprehensionAnswer> Answers(PortalDbContext db, string loopId, DateTimeOffset from, DateTimeOffset to) =>
        db.ComprehensionAnswers.AsNoTracking().Where(a => a.LoopId == loopId && a.AnsweredAt >= from && a.AnsweredAt < to);
}
