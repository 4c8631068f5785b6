using System.Globalization;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights.Drift;

/// <summary>
/// The stability index of every context feature: categories are bins as they are, numbers get the reference window's
/// decile bins, and decisions without the feature form one more bin ("missing"), so a feature that appears or
/// disappears counts as drift. Pure: tests feed it histograms by hand.
/// </summary>
public static class DriftAnalysis
{
    public static IReadOnlyList<FeatureDrift> Analyze(DriftData data, long minimumSample, double moderate, double significant)
    {
        var features = data.Reference.Concat(data.Recent).Select(h => (h.Feature, h.IsNumeric)).Distinct();
        var enough = data.ReferenceDecisions >= minimumSample && data.RecentDecisions >= minimumSample;
        return features.Select(f =>
            {
                var reference = data.Reference.Where(h => h.Feature == f.Feature && h.IsNumeric == f.IsNumeric).ToList();
                var recent = data.Recent.Where(h => h.Feature == f.Feature && h.IsNumeric == f.IsNumeric).ToList();
                var (expected, actual) = f.IsNumeric ? NumericBins(reference, recent) : CategoryBins(reference, recent);
                expected.Add(Math.Max(0, data.ReferenceDecisions - reference.Sum(h => h.Count)));
                actual.Add(Math.Max(0, data.RecentDecisions - recent.Sum(h => h.Count)));
                var psi = enough ? PopulationStability.Index(expected, actual) : double.NaN;
                return new FeatureDrift(f.Feature, f.IsNumeric, psi, PopulationStability.Level(psi, moderate, significant),
                    data.ReferenceDecisions, data.RecentDecisions, expected.Count);
            })
            .OrderByDescending(d => double.IsNaN(d.Psi) ? double.NegativeInfinity : d.Psi)
            .ThenBy(d => d.Feature, StringComparer.Ordinal)
            .ToList();
    }

    private static (List<double> Expected, List<double> Actual) CategoryBins(List<ValueHistogram> reference, List<ValueHistogram> recent)
    {
        var bins = reference.Concat(recent).Select(h => h.Bin).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (bins.Select(b => (double)reference.Where(h => h.Bin == b).Sum(h => h.Count)).ToList(),
            bins.Select(b => (double)recent.Where(h => h.Bin == b).Sum(h => h.Count)).ToList());
    }

    private static (List<double> Expected, List<double> Actual) NumericBins(List<ValueHistogram> reference, List<ValueHistogram> recent)
    {
        var expected = Histogram(reference);
        var actual = Histogram(recent);
        var edges = Statistics.NumericBins.DecileEdges(expected);
        return (Statistics.NumericBins.Counts(expected, edges).ToList(), Statistics.NumericBins.Counts(actual, edges).ToList());
    }

    private static Dictionary<double, double> Histogram(IEnumerable<ValueHistogram> rows)
    {
        var histogram = new Dictionary<double, double>();
        foreach (var row in rows)
        {
            if (!double.TryParse(row.Bin, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            histogram[value] = histogram.GetValueOrDefault(value) + row.Count;
        }
        return histogram;
    }
}
