using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Features.Feedback.Board;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Segments;
using Portal.Tests.TestInfrastructure;
using Portal.Infrastructure.Security;

namespace Portal.Tests.Features.Feedback.Board;

public class TicketQueriesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Reviewer = TestActors.Person(null, "reviewer@test.local", PortalRoles.ComplianceReviewer);

    [Fact]
    public async Task The_board_filters_by_status_priority_category_and_assignee_and_counts_all_matches()
    {
        var marker = Marker();
        var unfair = await SubmitAsync(marker, FeedbackCategory.UnfairOrBiased);
        var irrelevant = await SubmitAsync(marker, FeedbackCategory.Irrelevant);
        var triaged = await SubmitAsync(marker, FeedbackCategory.Other);
        await Triage.ChangeStatusAsync(triaged, TicketStatus.Triaged, Reviewer, CancellationToken.None);
        var reviewerId = await factory.CreateUserAsync("board-cr@test.local", Portal.Infrastructure.Security.PortalRoles.ComplianceReviewer);
        await Triage.AssignAsync(irrelevant, reviewerId, Reviewer, CancellationToken.None);
        var all = new TicketFilter { Search = marker };

        Assert.Equal([unfair], await IdsAsync(all with { Categories = [FeedbackCategory.UnfairOrBiased] }));
        Assert.Equal([irrelevant], await IdsAsync(all with { Priorities = [TicketPriority.P4] }));
        Assert.Equal([triaged], await IdsAsync(all with { Statuses = [TicketStatus.Triaged] }));
        Assert.Equal([irrelevant], await IdsAsync(all with { AssigneeId = reviewerId }));
        Assert.Equal([unfair, triaged], (await IdsAsync(all with { AssigneeId = TicketFilter.Unassigned })).Order());
        var page = await Queries.PageAsync(all, TicketSort.Newest, 0, 2, CancellationToken.None);
        Assert.Equal((2, 3), (page.Items.Count, page.Total));
    }

    [Fact]
    public async Task Quick_search_finds_a_ticket_by_its_reference_in_any_case_or_by_any_text_of_its_message()
    {
        var marker = Marker();
        var receipt = await factory.SubmitAsync($"The 50% discount_code did not apply {marker}");

        Assert.Equal(receipt.Reference, Assert.Single((await Queries.PageAsync(new TicketFilter { Search = receipt.Reference.ToLowerInvariant() }, TicketSort.Newest, 0, 10, CancellationToken.None)).Items).Reference);
        Assert.Single((await Queries.PageAsync(new TicketFilter { Search = "50% DISCOUNT_code" }, TicketSort.Newest, 0, 10, CancellationToken.None)).Items, t => t.Reference == receipt.Reference);
        Assert.Empty((await Queries.PageAsync(new TicketFilter { Search = "5_% discount" }, TicketSort.Newest, 0, 10, CancellationToken.None)).Items);
        Assert.Contains((await Queries.PageAsync(new TicketFilter { Search = "0%" }, TicketSort.Newest, 0, 500, CancellationToken.None)).Items, t => t.Reference == receipt.Reference);
    }

    [Fact]
    public async Task Sorting_by_priority_puts_P1_first_and_paging_is_stable()
    {
        var marker = Marker();
        var low = await SubmitAsync(marker, FeedbackCategory.Irrelevant);
        var high = await SubmitAsync(marker, FeedbackCategory.PrivacyConcern);
        var middle = await SubmitAsync(marker, FeedbackCategory.Other);
        var filter = new TicketFilter { Search = marker };

        var ascending = await IdsAsync(filter, new TicketSort(TicketSortField.Priority, Descending: false));
        var firstPage = await Queries.PageAsync(filter, new TicketSort(TicketSortField.Priority, false), 0, 2, CancellationToken.None);
        var secondPage = await Queries.PageAsync(filter, new TicketSort(TicketSortField.Priority, false), 2, 2, CancellationToken.None);

        Assert.Equal([high, middle, low], ascending);
        Assert.Equal([high, middle, low], firstPage.Items.Concat(secondPage.Items).Select(t => t.Id));
    }

    [Fact]
    public async Task Overdue_means_open_and_past_due_for_the_board_filter_and_the_navigation_counter_alike()
    {
        var marker = Marker();
        var open = await SubmitAsync(marker, FeedbackCategory.UnfairOrBiased);
        var done = await SubmitAsync(marker, FeedbackCategory.UnfairOrBiased);
        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.Resolved })
            await Triage.ChangeStatusAsync(done, status, Reviewer, CancellationToken.None);
        var tomorrow = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1).AddMinutes(1));
        var later = ActivatorUtilities.CreateInstance<TicketQueries>(factory.Services, tomorrow);
        var filter = new TicketFilter { Search = marker, OverdueOnly = true };

        Assert.Empty((await Queries.PageAsync(filter, TicketSort.Newest, 0, 10, CancellationToken.None)).Items);
        var overdue = Assert.Single((await later.PageAsync(filter, TicketSort.Newest, 0, 10, CancellationToken.None)).Items);
        Assert.Equal(open, overdue.Id);
        Assert.True(overdue.Overdue);
        Assert.True((await later.CountsAsync(CancellationToken.None)).Overdue >= 1);
    }

    [Fact]
    public async Task The_navigation_counters_follow_new_tickets_within_seconds()
    {
        var counters = factory.Services.GetRequiredService<FeedbackCounters>();
        var heard = new List<FeedbackCounts>();
        using var subscription = counters.Changed.Subscribe(() =>
        {
            lock (heard) heard.Add(counters.Current!);
            return Task.CompletedTask;
        });

        await factory.SubmitAsync("Count me " + Marker());
        var expected = (await Queries.CountsAsync(CancellationToken.None)).New;

        await Eventually.TrueAsync(() => counters.Current?.New == expected);
        await Eventually.TrueAsync(() => { lock (heard) return heard.Any(c => c.New == expected); });
    }

    [Fact]
    public async Task The_board_filters_by_a_segment_of_the_decision_automatic_or_saved_with_and_and_or()
    {
        var marker = Marker();
        var senior = await LinkedAsync(marker, "65+", visits: 9);
        var young = await LinkedAsync(marker, "18-24", visits: 2);
        var unlinked = await SubmitAsync(marker, FeedbackCategory.Other);
        var all = new TicketFilter { Search = marker };
        var saved = await factory.Services.GetRequiredService<SegmentService>().SaveAsync(null, new SegmentService.Draft(
            "Loyal or senior " + marker, null, null, new SegmentDefinition(SegmentMatch.Any,
            [new("user.ageBand", ConditionOperator.Equals, ["65+"]), new("user.visits", ConditionOperator.Range, Min: 1, Max: 3)])), Reviewer, CancellationToken.None);
        var both = await factory.Services.GetRequiredService<SegmentService>().SaveAsync(null, new SegmentService.Draft(
            "Senior and loyal " + marker, null, null, new SegmentDefinition(SegmentMatch.All,
            [new("user.ageBand", ConditionOperator.In, ["65+", "50-64"]), new("user.visits", ConditionOperator.Equals, ["9"])])), Reviewer, CancellationToken.None);

        Assert.Equal([senior], await IdsAsync(all with { SegmentKey = "auto:user.ageBand=65+" }));
        Assert.Equal([senior, young], (await IdsAsync(all with { SegmentKey = $"saved:{saved.Id}" })).Order());
        Assert.Equal([senior], await IdsAsync(all with { SegmentKey = $"saved:{both.Id}" }));
        Assert.Empty(await IdsAsync(all with { SegmentKey = "saved:999999" }));
        Assert.Equal([senior, young, unlinked], (await IdsAsync(all)).Order());
    }

    private async Task<long> LinkedAsync(string marker, string ageBand, int visits)
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var eventId = "seg-" + Guid.NewGuid().ToString("N")[..10];
        var body = RankPayloads.Valid(eventId: eventId);
        body["contextFeatures"]![0]!["user"]!["ageBand"] = ageBand;
        body["contextFeatures"]![0]!["user"]!["visits"] = visits;
        await api.PostAsync("personalizer/v1.0/rank", RankPayloads.Json(body));
        var link = factory.Services.GetRequiredService<Portal.Infrastructure.Security.DecisionLinkTokens>().Create(loopId, eventId, DateTimeOffset.UtcNow.AddDays(1));
        return await factory.TicketIdAsync((await factory.SubmitAsync($"linked {marker} {Guid.NewGuid():N}", decisionLink: link)).Reference);
    }

    private TicketQueries Queries => factory.Services.GetRequiredService<TicketQueries>();

    private TicketTriage Triage => factory.Services.GetRequiredService<TicketTriage>();

    private async Task<long> SubmitAsync(string marker, FeedbackCategory category) =>
        await factory.TicketIdAsync((await factory.SubmitAsync($"{category} {marker} {Guid.NewGuid():N}", category)).Reference);

    private async Task<List<long>> IdsAsync(TicketFilter filter, TicketSort? sort = null) =>
        (await Queries.PageAsync(filter, sort ?? TicketSort.Newest, 0, 50, CancellationToken.None)).Items.Select(t => t.Id).ToList();

    private static string Marker() => "m" + Guid.NewGuid().ToString("N")[..10];
}

/// <summary>The triage board's filters and search on PostgreSQL (pg_trgm).</summary>
[Trait("Category", "Postgres")]
public sealed class TicketQueriesOnPostgresTests(PostgresPortalAppFactory factory) : TicketQueriesTests(factory), IClassFixture<PostgresPortalAppFactory>;
