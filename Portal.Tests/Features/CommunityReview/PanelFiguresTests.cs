using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Insights.Contributed;
using Portal.Features.Insights.Report;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

/// <summary>The judgements beside the bias figures (bias page) and in the compliance report, counted by the report's period.</summary>
public sealed class PanelFiguresTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = WithContributedFigures(ComponentTestContext.Create(factory, PortalRoles.ProductOwner), factory);

    /// <summary>A list of services is always found in bunit's own container (empty), never in the app's: copy the registrations.</summary>
    private static BunitContext WithContributedFigures(BunitContext context, PortalAppFactory app)
    {
        foreach (var figures in app.Services.GetServices<ContributedFigures>()) context.Services.AddSingleton(figures);
        return context;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_bias_page_shows_each_segment_of_the_loops_panels_with_the_judgements_shares()
    {
        var (loopId, panelId) = await JudgedPanelAsync();

        var cut = context.Render<ContributedBiasFigures>(p => p.Add(c => c.LoopId, loopId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=bias-review-panels]")));
        var rows = cut.FindAll("[data-testid=panel-results-row]");
        Assert.Equal(4, rows.Count); // three age bands and all segments together
        Assert.Contains("Autumn community review", cut.Markup);
        Assert.Contains($"review-panels/{panelId}", cut.Markup);
        Assert.Contains("100% (2/2;", rows[^1].TextContent);
    }

    [Fact]
    public async Task The_bias_page_shows_only_panels_sampled_from_its_window()
    {
        var (loopId, _) = await JudgedPanelAsync();
        var now = DateTimeOffset.UtcNow;
        var lastDay = new Portal.Features.Insights.Bias.AnalysisWindow(now.AddDays(-1), now.AddHours(1));
        var monthAgo = new Portal.Features.Insights.Bias.AnalysisWindow(now.AddDays(-40), now.AddDays(-30));

        var current = context.Render<ContributedBiasFigures>(p => p.Add(c => c.LoopId, loopId).Add(c => c.Window, lastDay));
        var past = context.Render<ContributedBiasFigures>(p => p.Add(c => c.LoopId, loopId).Add(c => c.Window, monthAgo));

        current.WaitForAssertion(() => Assert.NotEmpty(current.FindAll("[data-testid=bias-review-panels]")));
        Assert.Empty(past.FindAll("[data-testid=bias-review-panels]"));
        // The page's query itself, so the empty render above is not just one that had not loaded yet.
        var results = factory.Services.GetRequiredService<Portal.Features.CommunityReview.Results.PanelResultsQueries>();
        Assert.Single(await results.ForLoopAsync(loopId, 3, CancellationToken.None, sampledIn: (lastDay.From, lastDay.To)));
        Assert.Empty(await results.ForLoopAsync(loopId, 3, CancellationToken.None, sampledIn: (monthAgo.From, monthAgo.To)));
    }

    [Fact]
    public async Task The_bias_page_shows_nothing_for_a_loop_without_judged_panels()
    {
        var (loopId, _) = await factory.CreateLoopAsync();

        var cut = context.Render<ContributedBiasFigures>(p => p.Add(c => c.LoopId, loopId));

        Assert.Empty(cut.FindAll("[data-testid=bias-review-panels]"));
    }

    [Fact]
    public async Task The_compliance_report_counts_the_judgements_of_its_period_only()
    {
        var (loopId, _) = await JudgedPanelAsync();
        var builder = factory.Services.GetRequiredService<ComplianceReportBuilder>();
        var renderer = factory.Services.GetRequiredService<ReportRenderer>();

        var today = await renderer.RenderAsync((await builder.BuildAsync(loopId, Today, Today, "carla@test.local", CancellationToken.None))!);
        var lastWeek = await renderer.RenderAsync((await builder.BuildAsync(loopId, Today.AddDays(-8), Today.AddDays(-2), "carla@test.local", CancellationToken.None))!);

        Assert.Contains("<h2>Community review</h2>", today.Html);
        Assert.Contains("data-testid=\"report-review-panel\"", today.Html);
        Assert.Contains("100% (2/2;", today.Html);
        Assert.Contains("data-testid=\"report-review-none\"", lastWeek.Html);
    }

    /// <summary>A panel of the fixture's loop whose reviewer judged two suggestions appropriate.</summary>
    private async Task<(string LoopId, long PanelId)> JudgedPanelAsync()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panelId = await factory.CreatePanelAsync(loopId);
        var page = await factory.InviteAsync(panelId);
        var browser = factory.Browser("203.0.113.80");
        await browser.JudgeAsync(page, "Appropriate");
        await browser.JudgeAsync(page, "Appropriate");
        return (loopId, panelId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
