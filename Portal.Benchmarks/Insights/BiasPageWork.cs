using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Drift;

namespace Portal.Benchmarks.Insights;

/// <summary>
/// What the bias page does on the server when a reviewer opens it: the comparison choices of the loop, the report of
/// one feature over the window (sums of the hourly aggregates), the drift of every context feature against the window
/// before, the data of its four charts, and the HTML of its components; each stage timed.
/// </summary>
public sealed class BiasPageWork(IServiceProvider services, string loopId)
{
    private readonly BiasChoices choices = services.GetRequiredService<BiasChoices>();
    private readonly BiasReportBuilder reports = services.GetRequiredService<BiasReportBuilder>();
    private readonly DriftQueries drift = services.GetRequiredService<DriftQueries>();

    private readonly BiasPageRender render = new(services);

    public sealed record Result(long Decisions, int Groups, int Flagged, int DriftFeatures, int ChartSeries, int HtmlLength,
        double ChoicesMs, double ReportMs, double DriftMs, double ChartsMs, double RenderMs)
    {
        public double TotalMs => ChoicesMs + ReportMs + DriftMs + ChartsMs + RenderMs;
    }

    public async Task<Result> OpenAsync(WindowChoice window, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var options = await choices.ForLoopAsync(loopId, ct);
        var choicesMs = Lap(clock);
        var filters = new BiasFilterModel { LoopId = loopId, CompareBy = options.DefaultFeature, Window = window };
        var question = filters.ToQuestion(DateTimeOffset.UtcNow) ?? throw new InvalidOperationException("The loop has no categorical feature.");
        var report = await reports.BuildAsync(question, ct);
        var reportMs = Lap(clock);
        var features = await drift.DriftAsync(loopId, question.Window, ct);
        var driftMs = Lap(clock);
        var charts = new[] { BiasCharts.Metric(report), BiasCharts.ActionShares(report), BiasCharts.Importance(report, namespaces: false), BiasCharts.Trend(report) };
        var chartsMs = Lap(clock);
        var html = await render.RenderAsync(report, features, question.Window);
        var renderMs = Lap(clock);
        return new Result(report.Everyone.Decisions, report.Groups.Count, report.Flagged.Count(), features.Count, charts.Sum(c => c.Series.Count), html,
            choicesMs, reportMs, driftMs, chartsMs, renderMs);
    }

    private static double Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return elapsed;
    }
}
