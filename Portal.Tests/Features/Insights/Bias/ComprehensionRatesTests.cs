using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Comprehension;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Report;
using Portal.Features.Loops;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.Insights.Bias;

/// <summary>
/// Comprehension per group on the bias page and in the compliance report, against counts worked out by hand: 12 answers
/// from 25-34 (9 clear), 3 from 65+ (1 clear), 15 in all (10 clear).
/// </summary>
public sealed class ComprehensionRatesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.ComplianceReviewer);
    private string loopId = "";

    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        (loopId, _) = await app.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        var answers = new List<(Decision Decision, bool Clear)>();
        for (var i = 0; i < 12; i++) answers.Add((Decision(loopId, at, "25-34", "A", 1), i < 9));
        for (var i = 0; i < 3; i++) answers.Add((Decision(loopId, at, "65+", "B", 0), i < 1));
        await SeedAsync(app.Services, answers.Select(a => a.Decision).ToArray());
        await Service<InsightAggregator>().CatchUpAsync(Service<LoopDirectory>().Find(loopId)!, CancellationToken.None);
        foreach (var (decision, clear) in answers) await AnswerAsync(decision.EventId, clear);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Rates_per_value_of_a_feature_and_for_everyone_match_the_hand_counts()
    {
        var table = await Service<ComprehensionRates>().ForQuestionAsync(new BiasQuestion(loopId, Window, Feature: "user.ageBand"), CancellationToken.None);

        Assert.Equal([("25-34", 12L, 9L), ("65+", 3L, 1L)], table.Groups.Select(g => (g.Label, g.Answers, g.Clear)));
        Assert.Equal((15L, 10L), (table.Everyone.Answers, table.Everyone.Clear));
        Assert.Equal("75% (47%–91%)", ComprehensionRateRows.Describe(table.Groups[0]));
        Assert.Equal("33% (6%–79%)", ComprehensionRateRows.Describe(table.Groups[1]));
        // 10 of 15: p = 0.6667, z²/n = 0.25610; centre 0.79472/1.25610 = 0.63269, half 1.56036·√(0.014815 + 0.0042683) = 0.21556.
        Assert.Equal("67% (42%–85%)", ComprehensionRateRows.Describe(table.Everyone));
        Assert.Equal([false, true, false], table.Groups.Append(table.Everyone).Select(g => g.IsSmall));
    }

    [Fact]
    public void Once_a_feature_has_as_many_values_as_the_bias_table_keeps_answers_of_later_values_count_as_other_last()
    {
        GroupAnswers[] byValue = [new("a", 4, 3), new("b", 2, 1), new("c", 5, 5), new("d", 1, 0)];

        var folded = ComprehensionRates.FoldOther(byValue, new HashSet<string> { "a", "c" }, maxValues: 2);

        Assert.Equal([("a", 4L, 3L), ("c", 5L, 5L), ("(other)", 3L, 1L)], folded.Select(g => (g.Label, g.Answers, g.Clear)));
    }

    [Fact]
    public void While_the_feature_has_room_for_more_values_every_answered_value_is_its_own_group_but_over_long_ones()
    {
        var tooLong = new string('x', FeatureValueRegistry.MaxValueLength + 1);
        GroupAnswers[] byValue = [new("a", 4, 3), new("new", 2, 2), new(tooLong, 1, 1)];

        var folded = ComprehensionRates.FoldOther(byValue, new HashSet<string> { "a" }, maxValues: 50);

        Assert.Equal([("a", 4L, 3L), ("new", 2L, 2L), ("(other)", 1L, 1L)], folded.Select(g => (g.Label, g.Answers, g.Clear)));
    }

    [Fact]
    public async Task Rates_per_saved_segment_count_the_answers_whose_decision_matches_it()
    {
        var seniors = await Service<SegmentService>().SaveAsync(null, new SegmentService.Draft("Seniors " + loopId, null, loopId,
            new SegmentDefinition(SegmentMatch.All, [new("user.ageBand", ConditionOperator.Equals, ["65+"])])), Reviewer, CancellationToken.None);

        var table = await Service<ComprehensionRates>().ForQuestionAsync(new BiasQuestion(loopId, Window, SegmentIds: [seniors.Id!.Value]), CancellationToken.None);

        Assert.Equal(("Seniors " + loopId, 3L, 1L), (table.Groups.Single().Label, table.Groups.Single().Answers, table.Groups.Single().Clear));
    }

    [Fact]
    public void The_bias_page_shows_the_rates_beside_the_disparities_with_a_small_sample_note()
    {
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"insights/bias?loop={loopId}&feature=user.ageBand");
        var cut = context.Render<BiasPage>();

        cut.WaitForAssertion(() => Assert.Contains("75% (47%–91%)", cut.Find("[data-testid=comprehension-25-34]").TextContent), Wait);
        Assert.Contains("33% (6%–79%)", cut.Find("[data-testid='comprehension-65+']").TextContent);
        Assert.Contains("too few to judge", cut.Find("[data-testid='comprehension-65+']").TextContent);
        Assert.Empty(cut.Find("[data-testid=comprehension-25-34]").QuerySelectorAll("[data-testid=small-sample]"));
        Assert.Contains("67% (42%–85%)", cut.Find("[data-testid=comprehension-Everyone]").TextContent);
    }

    [Fact]
    public async Task The_compliance_report_has_the_same_figures_for_its_period()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var report = await Service<ComplianceReportBuilder>().BuildAsync(loopId, today.AddDays(-1), today, "carla", CancellationToken.None);
        var html = System.Net.WebUtility.HtmlDecode((await Service<ReportRenderer>().RenderAsync(report!)).Html);

        Assert.Contains("Comprehension of the explanations", html);
        var byAge = report!.Comprehension!.Single(t => t.Question.Feature == "user.ageBand");
        Assert.Equal([("25-34", 12L, 9L), ("65+", 3L, 1L)], byAge.Groups.Select(g => (g.Label, g.Answers, g.Clear)));
        Assert.Contains("75% (47%–91%)", html);
        Assert.Contains("(fewer than 10 answers: too few to judge)", html);
    }

    private static readonly Actor Reviewer = TestActors.Person(null, "carla", PortalRoles.ComplianceReviewer);

    private static AnalysisWindow Window => AnalysisWindow.Last(TimeSpan.FromDays(1), DateTimeOffset.UtcNow);

    private async Task AnswerAsync(string eventId, bool clear)
    {
        var token = Service<DecisionLinkTokens>().Create(loopId, eventId, DateTimeOffset.UtcNow.AddDays(1));
        var answers = Service<ComprehensionAnswers>();
        await answers.RecordAsync((await answers.SubjectAsync(token, CancellationToken.None))!, new AnswerForm(clear ? AnswerForm.Yes : AnswerForm.No, null), CancellationToken.None);
    }
}
