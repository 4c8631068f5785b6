using Bunit;
using MudBlazor;
using Portal.Features.Insights.Bias;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Bias;

/// <summary>Each chart of the bias page gets the series and labels of the report it is given (numbers from <see cref="BiasSamples"/>).</summary>
public sealed class BiasChartsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.ComplianceReviewer);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private static (string[] Labels, List<ChartSeries<double>> Series) ChartOf(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut)
    {
        var chart = cut.FindComponent<MudChart<double>>().Instance;
        return (chart.ChartLabels, chart.ChartSeries);
    }

    [Fact]
    public void The_metric_chart_shows_each_groups_reward_rate_next_to_everyones()
    {
        var cut = context.Render<MetricChart>(p => p.Add(x => x.Report, BiasSamples.Report()));

        var (labels, series) = ChartOf(cut);
        Assert.Equal(["18-24", "65+"], labels);
        Assert.Equal(["Reward rate (%)", "Reward rate of everyone (%)"], series.Select(s => s.Name));
        Assert.Equal([30.0, 10.0], series[0].Data.Values, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([20.0, 20.0], series[1].Data.Values, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void The_action_share_chart_stacks_one_series_per_action()
    {
        var cut = context.Render<ActionShareChart>(p => p.Add(x => x.Report, BiasSamples.Report()));

        var (labels, series) = ChartOf(cut);
        Assert.Equal(ChartType.StackedBar, cut.FindComponent<MudChart<double>>().Instance.ChartType);
        Assert.Equal(["18-24", "65+"], labels);
        Assert.Equal(["B", "A"], series.Select(s => s.Name));
        Assert.Equal([40.0, 80.0], series[0].Data.Values, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([60.0, 20.0], series[1].Data.Values, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void The_importance_chart_puts_the_groups_side_by_side_per_feature_and_can_show_namespaces()
    {
        var cut = context.Render<ImportanceChart>(p => p.Add(x => x.Report, BiasSamples.Report()));

        var (labels, series) = ChartOf(cut);
        Assert.Equal(["user.device", "user.visits"], labels);
        Assert.Equal(["Everyone", "18-24", "65+"], series.Select(s => s.Name));
        // shares of each group's own total: everyone 0.3 and 0.2 of 0.5 → 60% and 40%; 65+ has only user.visits → 100%
        Assert.Equal([60.0, 40.0], series[0].Data.Values, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([0.0, 100.0], series[2].Data.Values, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Contains("0.300", cut.Find("[data-testid=importance-table]").TextContent);

        cut.FindAll(".mud-toggle-item").Single(b => b.TextContent.Contains("Namespaces")).Click();

        cut.WaitForAssertion(() => Assert.Equal(["user"], ChartOf(cut).Labels));
    }

    [Fact]
    public void The_trend_chart_has_a_step_per_hour_labelled_every_other_hour_and_one_line_per_group()
    {
        var cut = context.Render<TrendChart>(p => p.Add(x => x.Report, BiasSamples.Report()));

        var (labels, series) = ChartOf(cut);
        Assert.Equal(24, labels.Length);
        Assert.Equal("02:00", labels[2]);
        Assert.Equal("", labels[3]);
        Assert.Equal(["Everyone", "18-24", "65+"], series.Select(s => s.Name));
        Assert.Equal(25.0, series[0].Data.Values[3], 9);
    }

    [Fact]
    public void The_disparity_table_and_flags_name_the_flagged_group_with_its_reason()
    {
        var flags = context.Render<BiasFlags>(p => p.Add(x => x.Report, BiasSamples.Report()));
        var table = context.Render<DisparityTable>(p => p.Add(x => x.Report, BiasSamples.Report()));

        var flag = Assert.Single(flags.FindAll("[data-testid=bias-flag]"));
        Assert.Contains("65+", flag.TextContent);
        Assert.Contains("0.50× that of everyone", flag.TextContent);
        Assert.Contains("0.26–0.96", flag.TextContent);
        Assert.Equal("Flagged", table.Find("[data-testid='group-65+'] [data-testid=verdict]").TextContent.Trim());
        Assert.Equal("Within threshold", table.Find("[data-testid='group-18-24'] [data-testid=verdict]").TextContent.Trim());
    }
}
