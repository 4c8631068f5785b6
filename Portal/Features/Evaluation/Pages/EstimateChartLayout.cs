using System.Globalization;
using Portal.Features.Evaluation.Runs;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Pages;

/// <summary>
/// Where the estimate chart draws each policy (a row): the point estimate, its 95 % Gaussian interval (thin line) and its
/// small-sample interval (wide band), on one axis over all of them. Unknown or infinite bounds are left out.
/// </summary>
public sealed class EstimateChartLayout
{
    public const double Width = 720, LabelWidth = 220, RowHeight = 34, Top = 10, AxisHeight = 30, Right = 20;

    public sealed record Row(string Name, double Y, double? X, double? GaussianLow, double? GaussianHigh, double? BandLow, double? BandHigh, string Label, bool Best);

    public sealed record Tick(double X, string Label);

    public IReadOnlyList<Row> Rows { get; }
    public IReadOnlyList<Tick> Ticks { get; }
    public double Height { get; }
    public double AxisY { get; }

    private readonly double min, max;

    public EstimateChartLayout(StoredReport report)
    {
        var bounds = report.Policies.SelectMany(p => new[] { p.Primary.Value, p.Primary.Gaussian.Low, p.Primary.Gaussian.High, p.Primary.SmallSample.Low, p.Primary.SmallSample.High })
            .Where(double.IsFinite).ToList();
        (min, max) = bounds.Count == 0 ? (0, 1) : (bounds.Min(), bounds.Max());
        if (max - min < 1e-9) (min, max) = (min - 0.05, max + 0.05);
        var pad = (max - min) * 0.05;
        (min, max) = (min - pad, max + pad);
        Rows = report.Policies.Select((p, i) => RowOf(p, Top + i * RowHeight + RowHeight / 2, p.Candidate.Name == report.BestDiscovered)).ToList();
        AxisY = Top + report.Policies.Count * RowHeight + 4;
        Height = AxisY + AxisHeight;
        Ticks = Enumerable.Range(0, 5).Select(k => min + (max - min) * k / 4)
            .Select(v => new Tick(ToX(v), v.ToString("0.000", CultureInfo.InvariantCulture))).ToList();
    }

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private Row RowOf(StoredPolicyResult policy, double y, bool best)
    {
        var estimate = policy.Primary;
        var label = double.IsFinite(estimate.Value)
            ? $"{estimate.Estimator} {estimate.Value.ToString("0.000", CultureInfo.InvariantCulture)} {Describe(estimate.Reported)}"
            : "no estimate";
        return new Row(policy.Candidate.Name, y, X(estimate.Value), X(estimate.Gaussian.Low), X(estimate.Gaussian.High),
            X(estimate.SmallSample.Low), X(estimate.SmallSample.High), label, best);
    }

    private static string Describe(Interval interval) => interval.IsKnown
        ? $"[{interval.Low.ToString("0.000", CultureInfo.InvariantCulture)}, {interval.High.ToString("0.000", CultureInfo.InvariantCulture)}]"
        : "(interval unknown)";

    private double? X(double value) => double.IsFinite(value) ? ToX(value) : null;

    private double ToX(double value) => LabelWidth + (value - min) / (max - min) * (Width - LabelWidth - Right);
}
