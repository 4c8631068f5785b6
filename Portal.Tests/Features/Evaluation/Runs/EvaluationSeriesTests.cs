using Portal.Features.Evaluation;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Runs;

namespace Portal.Tests.Features.Evaluation.Runs;

/// <summary>
/// The API's cumulative and longer-interval series are added up from a run's 5-minute buckets: they must equal SNIPS
/// computed over the very decisions they cover, value and intervals alike.
/// </summary>
public sealed class EvaluationSeriesTests
{
    private static readonly DateTimeOffset From = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly EstimatorBounds Bounds = new(MaxWeight: 10, RewardMin: 0, RewardMax: 1);

    /// <summary>Three hours of decisions, 0–40 per 5-minute bucket (some empty), with random weights and rewards.</summary>
    private static List<(DateTimeOffset At, LoggedOutcome Outcome)> Log(int seed)
    {
        var random = new Random(seed);
        var log = new List<(DateTimeOffset, LoggedOutcome)>();
        for (var minute = 0; minute < 180; minute++)
            for (var i = random.Next(0, 8); i > 0; i--)
                log.Add((From.AddMinutes(minute).AddSeconds(random.Next(60)),
                    new LoggedOutcome(random.NextDouble() * 0.9 + 0.1, random.NextDouble(), random.Next(2))));
        return log;
    }

    /// <summary>The run's policy as stored: one SNIPS point per non-empty 5-minute bucket, with its sums and the bounds.</summary>
    private static StoredPolicyResult Stored(List<(DateTimeOffset At, LoggedOutcome Outcome)> log)
    {
        var points = log.GroupBy(d => (long)Math.Floor((d.At - From).TotalMinutes / 5)).OrderBy(g => g.Key).Select(bucket =>
        {
            var snips = new SnipsAccumulator();
            foreach (var (_, outcome) in bucket) snips.Add(outcome);
            return new StoredTimelinePoint(From.AddMinutes(5 * bucket.Key), StoredEstimate.From(snips.Estimate(Bounds)), StoredSums.From(snips.Sums));
        }).ToList();
        var estimate = StoredEstimate.From(OffPolicyEstimate.Empty("SNIPS", "none"));
        return new StoredPolicyResult(StoredCandidate.Standard(CandidateKind.Online), estimate, estimate, null, points, StoredBounds.From(Bounds));
    }

    private static StoredEstimate Direct(IEnumerable<(DateTimeOffset At, LoggedOutcome Outcome)> decisions)
    {
        var snips = new SnipsAccumulator();
        foreach (var (_, outcome) in decisions) snips.Add(outcome);
        return StoredEstimate.From(snips.Estimate(Bounds));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Each_rolling_hour_is_SNIPS_over_that_hours_decisions(int seed)
    {
        var log = Log(seed);

        var hours = EvaluationSeries.Of(Stored(log), From, 5, SeriesWindow.Rolling, 60, null, null);

        Assert.Equal(3, hours.Count);
        foreach (var hour in hours)
            AssertSame(Direct(log.Where(d => d.At >= hour.Start && d.At < hour.Start.AddHours(1))), hour.Estimate);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Each_expanding_point_is_SNIPS_from_the_series_start_to_the_end_of_its_bucket(int seed)
    {
        var log = Log(seed);
        var seriesFrom = From.AddMinutes(30);

        var series = EvaluationSeries.Of(Stored(log), From, 5, SeriesWindow.Expanding, 5, seriesFrom, null);

        Assert.Equal(seriesFrom, series[0].Start);
        foreach (var point in series)
            AssertSame(Direct(log.Where(d => d.At >= seriesFrom && d.At < point.Start.AddMinutes(5))), point.Estimate);
        AssertSame(Direct(log.Where(d => d.At >= seriesFrom)), series[^1].Estimate);
    }

    [Fact]
    public void Rolling_over_the_runs_own_interval_gives_the_stored_points()
    {
        var stored = Stored(Log(6));

        Assert.Equal(stored.Timeline, EvaluationSeries.Of(stored, From, 5, SeriesWindow.Rolling, 5, null, null));
    }

    [Theory]
    [InlineData(SeriesWindow.Expanding, 60, "window=Expanding gives a value every 5 minutes")]
    [InlineData(SeriesWindow.Rolling, 45, "window=Rolling takes intervalInMinutes=5, 60, 360, 720, 1440.")]
    [InlineData(SeriesWindow.Rolling, 10, "window=Rolling takes intervalInMinutes=5, 60, 360, 720, 1440.")]
    public void A_series_the_run_cannot_give_is_refused_with_what_it_can(SeriesWindow window, int minutes, string words)
    {
        var report = new StoredReport(10, [Stored(Log(7))], null);

        Assert.Contains(words, EvaluationSeries.Problem(5, report, window, minutes));
        Assert.Null(EvaluationSeries.Problem(5, report, window, null));
    }

    [Fact]
    public void A_run_stored_before_the_sums_were_kept_answers_rolling_at_its_interval_and_explains_the_rest()
    {
        var stored = Stored(Log(8));
        var old = new StoredReport(10, [stored with { Timeline = [.. stored.Timeline.Select(p => p with { Sums = null })], Bounds = null }], null);

        Assert.Equal(SeriesWindow.Rolling, EvaluationSeries.DefaultWindow(old));
        Assert.Null(EvaluationSeries.Problem(5, old, SeriesWindow.Rolling, 5));
        Assert.Contains("run it again", EvaluationSeries.Problem(5, old, SeriesWindow.Expanding, null));
        Assert.Contains("run it again", EvaluationSeries.Problem(5, old, SeriesWindow.Rolling, 60));
        Assert.Equal(SeriesWindow.Expanding, EvaluationSeries.DefaultWindow(new StoredReport(10, [stored], null)));
    }

    [Fact]
    public void A_run_without_a_time_series_refuses_an_interval()
    {
        Assert.Contains("without a time series", EvaluationSeries.Problem(null, null, SeriesWindow.Expanding, 5));
        Assert.Null(EvaluationSeries.Problem(null, null, SeriesWindow.Expanding, null));
    }

    private static void AssertSame(StoredEstimate expected, StoredEstimate actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Value, actual.Value, 9);
        Assert.Equal(expected.GaussianLow, actual.GaussianLow, 9);
        Assert.Equal(expected.GaussianHigh, actual.GaussianHigh, 9);
        Assert.Equal(expected.SmallSampleLow, actual.SmallSampleLow, 6);
        Assert.Equal(expected.SmallSampleHigh, actual.SmallSampleHigh, 6);
        Assert.Equal(expected.EffectiveSampleSize, actual.EffectiveSampleSize, 6);
    }
}
