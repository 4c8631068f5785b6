using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Insights.Bias;

/// <summary>
/// Sums the hourly aggregate rows of some segments over a window: a few thousand rows for a month of one dimension,
/// whatever the number of decisions behind them (the key starts with loop, dimension and hour).
/// </summary>
public sealed class BiasQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<BiasData> LoadAsync(string loopId, IReadOnlyCollection<string> dimensions, AnalysisWindow window, CancellationToken ct)
    {
        var (from, to) = (window.From, window.To);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segments = await db.SegmentStats.AsNoTracking()
            .Where(s => s.LoopId == loopId && dimensions.Contains(s.Dimension) && s.BucketStart >= from && s.BucketStart < to)
            .GroupBy(s => new { s.Dimension, s.Value, s.ActionId })
            .Select(g => new SegmentTotals(g.Key.Dimension, g.Key.Value, g.Key.ActionId, g.Sum(s => s.Decisions), g.Sum(s => s.Rewarded),
                g.Sum(s => s.RewardSum), g.Sum(s => s.RewardSquares), g.Sum(s => s.Explored), g.Sum(s => s.BaselineServed), g.Sum(s => s.OverrideServed)))
            .ToListAsync(ct);
        var importance = await db.ImportanceStats.AsNoTracking()
            .Where(s => s.LoopId == loopId && dimensions.Contains(s.Dimension) && s.BucketStart >= from && s.BucketStart < to)
            .GroupBy(s => new { s.Dimension, s.Value, s.IsNamespace, s.Feature })
            .Select(g => new ImportanceTotal(g.Key.Dimension, g.Key.Value, g.Key.IsNamespace, g.Key.Feature, g.Sum(s => s.SumAbs)))
            .ToListAsync(ct);
        var trend = await db.SegmentStats.AsNoTracking()
            .Where(s => s.LoopId == loopId && dimensions.Contains(s.Dimension) && s.BucketStart >= from && s.BucketStart < to)
            .GroupBy(s => new { s.Dimension, s.Value, s.BucketStart })
            .Select(g => new TrendPoint(g.Key.Dimension, g.Key.Value, g.Key.BucketStart, g.Sum(s => s.Rewarded), g.Sum(s => s.RewardSum)))
            .ToListAsync(ct);
        return new BiasData(segments, importance, trend);
    }
}
