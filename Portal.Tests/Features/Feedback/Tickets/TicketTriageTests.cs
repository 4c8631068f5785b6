using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Features.Feedback.Tickets;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Tickets;

public sealed class TicketTriageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Reviewer = TestActors.Person(null, "reviewer@test.local", PortalRoles.ComplianceReviewer);

    private TicketTriage Triage => factory.Services.GetRequiredService<TicketTriage>();

    [Fact]
    public async Task A_ticket_moves_along_the_workflow_to_closed_and_each_step_is_in_its_history_with_actor_and_time()
    {
        var id = await NewTicketAsync();

        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed })
            Assert.True((await Triage.ChangeStatusAsync(id, status, Reviewer, CancellationToken.None)).Succeeded);

        var ticket = await TicketAsync(id);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        var history = await HistoryAsync(id);
        Assert.Equal(
            ["Status New → Triaged.", "Status Triaged → In progress.", "Status In progress → Resolved.", "Status Resolved → Closed."],
            history.Where(h => h.Change == TicketChange.Status).Select(h => h.Detail));
        Assert.All(history.Where(h => h.Change == TicketChange.Status), h => Assert.Equal("reviewer@test.local", h.ActorName));
    }

    [Theory]
    [InlineData(TicketStatus.Resolved, "is New: it can move to Triaged, not to Resolved.")]
    [InlineData(TicketStatus.Closed, "is New: it can move to Triaged, not to Closed.")]
    [InlineData(TicketStatus.Duplicate, "as a duplicate with Merge, naming the ticket it duplicates.")]
    [InlineData(TicketStatus.New, "is already New.")]
    public async Task A_step_the_workflow_does_not_allow_is_refused_with_a_reason_and_changes_nothing(TicketStatus to, string reason)
    {
        var id = await NewTicketAsync();

        var result = await Triage.ChangeStatusAsync(id, to, Reviewer, CancellationToken.None);

        Assert.EndsWith(reason, result.Error);
        Assert.Equal(TicketStatus.New, (await TicketAsync(id)).Status);
        Assert.DoesNotContain(await HistoryAsync(id), h => h.Change == TicketChange.Status);
    }

    [Fact]
    public async Task A_closed_ticket_can_no_longer_change_status()
    {
        var id = await NewTicketAsync();
        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.WontFix, TicketStatus.Closed })
            await Triage.ChangeStatusAsync(id, status, Reviewer, CancellationToken.None);

        var result = await Triage.ChangeStatusAsync(id, TicketStatus.InProgress, Reviewer, CancellationToken.None);

        Assert.EndsWith("is Closed: its status can no longer change.", result.Error);
    }

    [Fact]
    public async Task A_new_priority_moves_the_due_time_to_the_creation_time_plus_its_SLA()
    {
        var id = await NewTicketAsync(FeedbackCategory.Irrelevant);
        var created = (await TicketAsync(id)).CreatedAt;

        await Triage.ChangePriorityAsync(id, TicketPriority.P1, Reviewer, CancellationToken.None);

        var ticket = await TicketAsync(id);
        Assert.Equal(TicketPriority.P1, ticket.Priority);
        Assert.Equal(created + TimeSpan.FromHours(4), ticket.DueAt);
        Assert.Contains(await HistoryAsync(id), h => h.Change == TicketChange.Priority && h.Detail.StartsWith("Priority P4 → P1; due "));
    }

    [Fact]
    public async Task Tickets_are_assigned_only_to_people_who_may_triage_feedback()
    {
        var id = await NewTicketAsync();
        var reviewerId = await factory.CreateUserAsync("assignee-cr@test.local", PortalRoles.ComplianceReviewer);
        var outsiderId = await factory.CreateUserAsync("no-role@test.local");

        var refused = await Triage.AssignAsync(id, outsiderId, Reviewer, CancellationToken.None);
        var assigned = await Triage.AssignAsync(id, reviewerId, Reviewer, CancellationToken.None);

        Assert.Contains("no role that triages it", refused.Error);
        Assert.True(assigned.Succeeded);
        Assert.Equal(reviewerId, (await TicketAsync(id)).AssigneeId);
        Assert.Contains(await HistoryAsync(id), h => h.Detail == "Assigned to assignee-cr@test.local.");
    }

    [Fact]
    public async Task A_bulk_change_makes_the_allowed_moves_and_names_each_refused_ticket()
    {
        var fresh = await NewTicketAsync();
        var triaged = await NewTicketAsync();
        await Triage.ChangeStatusAsync(triaged, TicketStatus.Triaged, Reviewer, CancellationToken.None);

        var result = await Triage.BulkChangeStatusAsync([fresh, triaged], TicketStatus.InProgress, Reviewer, CancellationToken.None);

        Assert.Equal(1, result.Changed);
        var refusal = Assert.Single(result.Refusals);
        Assert.Contains($"{(await TicketAsync(fresh)).Reference} is New", refusal);
        Assert.Equal(TicketStatus.InProgress, (await TicketAsync(triaged)).Status);
    }

    [Fact]
    public async Task Merging_marks_the_duplicate_and_adds_its_submissions_to_the_ticket_it_repeats()
    {
        var primary = await NewTicketAsync();
        var duplicate = await NewTicketAsync();
        var primaryReference = (await TicketAsync(primary)).Reference;

        var result = await factory.Services.GetRequiredService<TicketMerge>()
            .MergeAsync(duplicate, primaryReference.ToLowerInvariant(), Reviewer, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var merged = await TicketAsync(duplicate);
        Assert.Equal((TicketStatus.Duplicate, primary), (merged.Status, merged.DuplicateOfId));
        Assert.Equal(2, (await TicketAsync(primary)).SubmissionCount);
        Assert.Contains(await HistoryAsync(primary), h => h.Change == TicketChange.Merged && h.Detail.StartsWith(merged.Reference));
        Assert.Contains(await HistoryAsync(duplicate), h => h.Detail.StartsWith($"Merged into {primaryReference}"));
        var again = await factory.Services.GetRequiredService<TicketMerge>().MergeAsync(duplicate, primaryReference, Reviewer, CancellationToken.None);
        Assert.Contains("only open tickets", again.Error);
    }

    [Fact]
    public async Task Replies_reach_the_status_page_and_internal_notes_never_do()
    {
        var receipt = await factory.SubmitAsync("Please explain " + Guid.NewGuid().ToString("N"));
        var id = await factory.TicketIdAsync(receipt.Reference);
        var conversation = factory.Services.GetRequiredService<TicketConversation>();

        await conversation.AddAsync(id, "Internal: the user seems to be a bot.", isPublicReply: false, Reviewer, CancellationToken.None);
        await conversation.AddAsync(id, "Thanks, we changed it.", isPublicReply: true, Reviewer, CancellationToken.None);
        var empty = await conversation.AddAsync(id, "   ", isPublicReply: true, Reviewer, CancellationToken.None);

        var page = await factory.Browser().GetStringAsync("/feedback/status/" + receipt.StatusToken);
        Assert.Contains("Thanks, we changed it.", page);
        Assert.DoesNotContain("Internal", page);
        Assert.DoesNotContain("reviewer@test.local", page);
        Assert.Equal("Write something first.", empty.Error);
    }

    private async Task<long> NewTicketAsync(FeedbackCategory category = FeedbackCategory.UnfairOrBiased) =>
        await factory.TicketIdAsync((await factory.SubmitAsync("Triage me " + Guid.NewGuid().ToString("N"), category)).Reference);

    private async Task<FeedbackTicket> TicketAsync(long id)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.FeedbackTickets.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    private async Task<List<TicketHistoryEntry>> HistoryAsync(long id)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.TicketHistory.AsNoTracking().Where(h => h.TicketId == id).OrderBy(h => h.Id).ToListAsync();
    }
}
