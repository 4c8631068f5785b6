using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Insights.Catalog;
using Portal.Features.Loops;

namespace Portal.Features.CommunityReview.Sampling;

/// <summary>
/// Draws a panel's sample from the log: the loop's decisions in the window (the newest
/// <see cref="MaxCandidates"/>), never an opted-out one, split into <see cref="Strata"/>, drawn by
/// <see cref="StratifiedSampler"/>, each turned into what reviewers see by <see cref="ItemAnonymizer"/>.
/// </summary>
public sealed class PanelSampler(IDbContextFactory<PortalDbContext> dbFactory, LoopDirectory loops, FeatureDisplayNames displayNames)
{
    public const int MaxCandidates = 20_000;

    public sealed record SampledItem(DrawnItem Drawn, string EventId, ReviewItem Item);

    public async Task<IReadOnlyList<SampledItem>> SampleAsync(string loopId, DateTimeOffset from, DateTimeOffset to, Strata strata,
        int perSegment, long seed, CancellationToken ct)
    {
        if (loops.Find(loopId) is not { } loop) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Window(db, loopId, from, to).OrderByDescending(d => d.Seq).Take(MaxCandidates)
            .Select(d => new { d.Seq, d.RequestJson }).ToListAsync(ct);
        var candidates = rows.Select(r => new SampleCandidate(r.Seq, SegmentsOf(r.RequestJson, strata))).Where(c => c.Segments.Count > 0).ToList();
        var drawn = StratifiedSampler.Draw(Strata.KeepLargest(candidates), perSegment, seed);

        var seqs = drawn.Select(d => d.Seq).ToList();
        var logged = await db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId && seqs.Contains(d.Seq))
            .Select(d => new { d.Seq, d.EventId, Row = new ItemAnonymizer.LoggedRow(d.RequestJson, d.RankingJson, d.ExplanationJson, d.ChosenActionId, d.Explored, d.Mode, d.Oversight) })
            .ToDictionaryAsync(d => d.Seq, ct);
        var names = await displayNames.ForLoopAsync(loopId, ct);
        return drawn.Where(d => logged.ContainsKey(d.Seq))
            .Select(d => new SampledItem(d, logged[d.Seq].EventId, ItemAnonymizer.Anonymize(logged[d.Seq].Row, loop, names))).ToList();
    }

    /// <summary>The loop's decisions in [from, to) that may be shown to reviewers: an opted-out user's never are.</summary>
    private static IQueryable<Decision> Window(PortalDbContext db, string loopId, DateTimeOffset from, DateTimeOffset to) =>
        db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId && d.CreatedAt >= from && d.CreatedAt < to
                                               && (d.Oversight & OversightEffects.OptedOut) == 0);

    private static IReadOnlyList<string> SegmentsOf(string requestJson, Strata strata)
    {
        try
        {
            using var context = LoggedContext.Of(requestJson);
            return strata.Of(context.Features);
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
