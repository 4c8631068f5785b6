using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Bias;

namespace Portal.Features.Insights.Drift;

/// <summary>The drift of every context feature of a loop: the window against the window of equal length before it.</summary>
public sealed class DriftQueries(IDbContextFactory<PortalDbContext> dbFactory, IOptions<InsightsOptions> options)
{
    public async Task<IReadOnlyList<FeatureDrift>> DriftAsync(string loopId, AnalysisWindow window, CancellationToken ct)
    {
        var reference = window.Previous;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var data = new DriftData(
            await HistogramsAsync(db, loopId, reference, ct), await DecisionsAsync(db, loopId, reference, ct),
            await HistogramsAsync(db, loopId, window, ct), await DecisionsAsync(db, loopId, window, ct));
        var o = options.Value;
        return DriftAnalysis.Analyze(data, o.MinimumSample, o.DriftModerate, o.DriftSignificant);
    }

    private static Task<List<ValueHistogram>> HistogramsAsync(PortalDbContext db, string loopId, AnalysisWindow window, CancellationToken ct)
    {
        var (from, to) = (window.From, window.To);
        return db.FeatureValueStats.AsNoTracking()
            .Where(s => s.LoopId == loopId && s.BucketStart >= from && s.BucketStart < to)
            .GroupBy(s => new { s.Feature, s.IsNumeric, s.Bin })
            .Select(g => new ValueHistogram(g.Key.Feature, g.Key.IsNumeric, g.Key.Bin, g.Sum(s => s.Count)))
            .ToListAsync(ct);
    }

    private static Task<long> DecisionsAsync(PortalDbContext db, string loopId, AnalysisWindow window, CancellationToken ct)
    {
        var (from, to) = (window.From, window.To);
        return db.SegmentStats.AsNoTracking()
            .Where(s => s.LoopId == loopId && s.Dimension == Dimensions.Everyone && s.BucketStart >= from && s.BucketStart < to)
            .SumAsync(s => s.Decisions, ct);
    }
}
