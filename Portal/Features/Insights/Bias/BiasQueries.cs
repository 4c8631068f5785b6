using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Insights.Aggregation;

namespace Portal.Features.Insights.Bias;

/// <summary>
/// Sums the hourly aggregate rows of some segments over a window: a few thousand rows for a month of one dimension,
/// whatever the number of decisions behind them (the key starts with loop, dimension and hour).
/// </summary>
public sealed class BiasQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>
    /// The categorical features that have automatic segments in the aggregates of a loop. A skip scan along the key
    /// (one index seek per feature) instead of reading every row of the loop.
    /// </summary>
    public async Task<IReadOnlyList<string>> FeaturesAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dimensions = await db.Database.SqlQuery<string>($"""
            WITH RECURSIVE dimension(Value) AS (
                SELECT MIN(Dimension) FROM SegmentStats WHERE LoopId = {loopId} AND Dimension > ''
                UNION ALL
                SELECT (SELECT MIN(Dimension) FROM SegmentStats WHERE LoopId = {loopId} AND Dimension > dimension.Value)
                FROM dimension WHERE dimension.Value IS NOT NULL)
            SELECT Value AS "Value" FROM dimension WHERE Value IS NOT NULL
            """).ToListAsync(ct);
        return dimensions.Select(d => Dimensions.IsFeature(d, out var path) ? path : null).OfType<string>().ToList();
    }

    public async Task<BiasData> LoadAsync(string loopId, IReadOnlyCollection<string> dimensions, AnalysisWindow window, CancellationToken ct)
    {
        var segments = new List<SegmentTotals>();
        var importance = new List<ImportanceTotal>();
        var trend = new List<TrendPoint>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One dimension at a time: an equality on the key's second column keeps every query an index range scan.
        foreach (var dimension in dimensions.Distinct())
        {
            segments.AddRange(await SegmentsAsync(db, loopId, dimension, window, ct));
            importance.AddRange(await ImportanceAsync(db, loopId, dimension, window, ct));
            trend.AddRange(await TrendAsync(db, loopId, dimension, window, ct));
        }
        return new BiasData(segments, importance, trend);
    }

    private static IQueryable<Data.Entities.SegmentStat> Rows(PortalDbContext db, string loopId, string dimension, AnalysisWindow window)
    {
        var (from, to) = (window.From, window.To);
        return db.SegmentStats.AsNoTracking().Where(s => s.LoopId == loopId && s.Dimension == dimension && s.BucketStart >= from && s.BucketStart < to);
    }

    private static Task<List<SegmentTotals>> SegmentsAsync(PortalDbContext db, string loopId, string dimension, AnalysisWindow window, CancellationToken ct) =>
        Rows(db, loopId, dimension, window)
            .GroupBy(s => new { s.Value, s.ActionId })
            .Select(g => new SegmentTotals(dimension, g.Key.Value, g.Key.ActionId, g.Sum(s => s.Decisions), g.Sum(s => s.Rewarded),
                g.Sum(s => s.RewardSum), g.Sum(s => s.RewardSquares), g.Sum(s => s.Explored), g.Sum(s => s.BaselineServed), g.Sum(s => s.OverrideServed)))
            .ToListAsync(ct);

    private static Task<List<TrendPoint>> TrendAsync(PortalDbContext db, string loopId, string dimension, AnalysisWindow window, CancellationToken ct) =>
        Rows(db, loopId, dimension, window)
            .GroupBy(s => new { s.Value, s.BucketStart })
            .Select(g => new TrendPoint(dimension, g.Key.Value, g.Key.BucketStart, g.Sum(s => s.Rewarded), g.Sum(s => s.RewardSum)))
            .ToListAsync(ct);

    private static Task<List<ImportanceTotal>> ImportanceAsync(PortalDbContext db, string loopId, string dimension, AnalysisWindow window, CancellationToken ct)
    {
        var (from, to) = (window.From, window.To);
        return db.ImportanceStats.AsNoTracking()
            .Where(s => s.LoopId == loopId && s.Dimension == dimension && s.BucketStart >= from && s.BucketStart < to)
            .GroupBy(s => new { s.Value, s.IsNamespace, s.Feature })
            .Select(g => new ImportanceTotal(dimension, g.Key.Value, g.Key.IsNamespace, g.Key.Feature, g.Sum(s => s.SumAbs)))
            .ToListAsync(ct);
    }
}
