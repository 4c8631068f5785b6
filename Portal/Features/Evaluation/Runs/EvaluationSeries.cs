using Portal.Features.Evaluation.Estimators;

namespace Portal.Features.Evaluation.Runs;

/// <summary>Personalizer's <c>window</c> of an evaluation's time series.</summary>
public enum SeriesWindow
{
    /// <summary>Each point: everything from the series' start to the end of that point's interval.</summary>
    Expanding,

    /// <summary>Each point: its interval alone.</summary>
    Rolling,
}

/// <summary>
/// A stored run's SNIPS time series as the Evaluations API gives it. <see cref="SeriesWindow.Rolling"/>: one estimate per
/// interval of the asked length, a multiple of the run's own (its buckets added up). <see cref="SeriesWindow.Expanding"/>:
/// at each of the run's buckets, the estimate over everything from the series' start to that bucket's end. Both are
/// exact: SNIPS and its intervals are functions of sums, and the sums of buckets add up to the sums of their union.
/// </summary>
public static class EvaluationSeries
{
    /// <summary>Expanding when the run kept its buckets' sums (Personalizer's default), else Rolling, as such runs always answered.</summary>
    public static SeriesWindow DefaultWindow(StoredReport report) => HasSums(report) ? SeriesWindow.Expanding : SeriesWindow.Rolling;

    /// <summary>Why the series cannot be given as asked (a sentence for a 400), or null.</summary>
    public static string? Problem(int? storedMinutes, StoredReport? report, SeriesWindow window, int? askedMinutes)
    {
        if (storedMinutes is not { } stored)
            return askedMinutes is null ? null : "This evaluation was computed without a time series; leave intervalInMinutes out.";
        if (report is null) return null;
        var minutes = askedMinutes ?? stored;
        if (window == SeriesWindow.Expanding && minutes != stored)
            return $"window=Expanding gives a value every {stored} minutes, the interval this evaluation was computed in: " +
                   "leave intervalInMinutes out, or ask for window=Rolling with a longer interval.";
        if (window == SeriesWindow.Rolling && (minutes % stored != 0 || !NewEvaluationValidator.AllowedIntervals.Contains(minutes)))
            return $"This evaluation was computed in {stored}-minute intervals: window=Rolling takes intervalInMinutes=" +
                   string.Join(", ", NewEvaluationValidator.AllowedIntervals.Where(m => m % stored == 0)) + ".";
        if ((window == SeriesWindow.Expanding || minutes != stored) && !HasSums(report))
            return "This evaluation was computed before Portal kept what cumulative and longer-interval series are made of: " +
                   $"ask for window=Rolling&intervalInMinutes={stored}, or run it again.";
        return null;
    }

    /// <summary>The series of one policy over [<paramref name="from"/>, <paramref name="to"/>) (the run's window when null), as asked (see <see cref="Problem"/>).</summary>
    public static IReadOnlyList<StoredTimelinePoint> Of(StoredPolicyResult policy, DateTimeOffset runFrom, int storedMinutes, SeriesWindow window,
        int minutes, DateTimeOffset? from, DateTimeOffset? to)
    {
        var points = policy.Timeline.Where(t => (from is null || t.Start >= from) && (to is null || t.Start < to)).ToList();
        if (window == SeriesWindow.Rolling && minutes == storedMinutes) return points;
        var bounds = policy.Bounds?.ToBounds() ?? throw new InvalidOperationException("The run kept no bounds: see Problem.");
        return window == SeriesWindow.Expanding ? Expanding(points, bounds) : Rolling(points, runFrom, TimeSpan.FromMinutes(minutes), bounds);
    }

    private static List<StoredTimelinePoint> Expanding(List<StoredTimelinePoint> points, EstimatorBounds bounds)
    {
        var sums = new WeightedRewardSums();
        var series = new List<StoredTimelinePoint>(points.Count);
        foreach (var point in points)
        {
            sums.Add(SumsOf(point));
            series.Add(Point(point.Start, sums, bounds));
        }
        return series;
    }

    private static List<StoredTimelinePoint> Rolling(List<StoredTimelinePoint> points, DateTimeOffset runFrom, TimeSpan width, EstimatorBounds bounds) =>
        points.GroupBy(p => (long)Math.Floor((p.Start - runFrom) / width))
            .Select(interval =>
            {
                var sums = new WeightedRewardSums();
                foreach (var point in interval) sums.Add(SumsOf(point));
                return Point(runFrom + interval.Key * width, sums, bounds);
            })
            .ToList();

    private static StoredTimelinePoint Point(DateTimeOffset start, in WeightedRewardSums sums, EstimatorBounds bounds) =>
        new(start, StoredEstimate.From(SnipsAccumulator.Estimate(sums, bounds)), StoredSums.From(sums));

    private static WeightedRewardSums SumsOf(StoredTimelinePoint point) =>
        point.Sums?.ToSums() ?? throw new InvalidOperationException("The run kept no sums: see Problem.");

    private static bool HasSums(StoredReport report) =>
        report.Policies.All(p => p.Bounds is not null && p.Timeline.All(t => t.Sums is not null));
}
