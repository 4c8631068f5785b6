using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.DecisionLog;
using Portal.Features.Decisions;
using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Statistics;
using Portal.Features.PublicPages;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Feedback;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Bias;

/// <summary>The demo simulator's planted unfairness against users aged 65+, found by the bias analysis and shown on the page.</summary>
public sealed class PlantedBiasTests(PlantedBiasFixture demo) : IClassFixture<PlantedBiasFixture>, IAsyncLifetime
{
    private BunitContext? context;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (context is not null) await context.DisposeAsync();
    }

    [Fact]
    public async Task The_65_plus_age_band_and_only_it_is_flagged_after_twenty_minutes_of_demo_traffic()
    {
        var question = new BiasQuestion(demo.LoopId, AnalysisWindow.Last(TimeSpan.FromDays(1), DateTimeOffset.UtcNow), Feature: "user.ageBand");

        var report = await demo.App.Services.GetRequiredService<BiasReportBuilder>().BuildAsync(question, CancellationToken.None);

        Assert.Equal(PlantedBiasFixture.Visits, report.Everyone.Decisions);
        Assert.Equal(["18-24", "25-34", "35-49", "50-64", "65+"], report.Groups.Select(g => g.Label));
        Assert.Equal(["65+"], report.Flagged.Select(g => g.Label));
        Assert.All(report.Groups.Where(g => g.Label != "65+"), g => Assert.Equal(DisparityVerdict.WithinThreshold, g.Verdict));
    }

    [Fact]
    public async Task End_users_unfair_tickets_are_counted_beside_the_group_their_decision_belongs_to()
    {
        var senior = SegmentPredicate.Compile(SegmentDefinition.Is("user.ageBand", "65+"));
        var recent = await demo.App.Services.GetRequiredService<DecisionSamples>().RecentAsync(demo.LoopId, 500, CancellationToken.None);
        var links = demo.App.Services.GetRequiredService<DecisionLinkTokens>();
        foreach (var decision in recent.Where(d => senior.Matches(d.Context)).Take(2))
            await demo.App.SubmitAsync($"Always the same for my age {Guid.NewGuid():N}", decisionLink: links.Create(demo.LoopId, decision.EventId, DateTimeOffset.UtcNow.AddDays(1)));
        var question = new BiasQuestion(demo.LoopId, AnalysisWindow.Last(TimeSpan.FromDays(1), DateTimeOffset.UtcNow), Feature: "user.ageBand");

        var report = await demo.App.Services.GetRequiredService<BiasReportBuilder>().BuildAsync(question, CancellationToken.None);

        Assert.Equal(2, report.UnfairTicketsOf(report.Groups.Single(g => g.Label == "65+")));
        Assert.Equal(0, report.UnfairTicketsOf(report.Groups.Single(g => g.Label == "25-34")));
        Assert.Equal(2, report.UnfairTicketsOf(report.Everyone));
    }

    [Fact]
    public void A_compliance_reviewer_opening_the_bias_page_sees_the_flag_on_the_age_band()
    {
        context = ComponentTestContext.Create(demo.App, PortalRoles.ComplianceReviewer);
        context.RenderProviders();
        var navigation = context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"insights/bias?loop={demo.LoopId}");

        var cut = context.Render<BiasPage>();

        cut.WaitForAssertion(() => Assert.Contains("65+", cut.Find("[data-testid=bias-flag]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Single(cut.FindAll("[data-testid=bias-flag]"));
        Assert.Contains("The model uses user.ageBand as an input", cut.Find("[data-testid=sensitive-inputs]").TextContent);
        Assert.Contains("user.ageBand", cut.Find("[data-testid=bias-compare-by]").ParentElement!.ParentElement!.TextContent);
        // The loop is minutes old: the day before the window has no decisions to compare the population with.
        Assert.Contains("Not enough decisions to compare: 0 in the reference window", cut.Find("[data-testid=drift-not-enough]").TextContent);
    }
}
