using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Tickets;

/// <summary>
/// A reviewer's changes to status, priority and assignee, of one ticket or many at once. The workflow is enforced here
/// (a refused change says why), every change appends a history row with actor and time, and a new priority moves the
/// due time to the creation time plus that priority's SLA. Policy <see cref="PortalPolicies.TriageFeedback"/>.
/// </summary>
public sealed class TicketTriage(
    IDbContextFactory<PortalDbContext> dbFactory,
    ActorAuthorization authorization,
    IOptionsMonitor<SlaOptions> sla,
    FeedbackCounters counters,
    TimeProvider clock)
{
    private sealed record Outcome(string? Refusal, TicketChange Change = default, string Detail = "");

    public async Task<TriageResult> ChangeStatusAsync(long ticketId, TicketStatus to, Actor actor, CancellationToken ct) =>
        Single(await BulkChangeStatusAsync([ticketId], to, actor, ct));

    public Task<BulkTriageResult> BulkChangeStatusAsync(IReadOnlyCollection<long> ticketIds, TicketStatus to, Actor actor, CancellationToken ct) =>
        ChangeEachAsync(ticketIds, actor, (ticket, _) =>
        {
            if (TicketWorkflow.Refusal(ticket.Reference, ticket.Status, to) is { } refusal) return Task.FromResult(new Outcome(refusal));
            var detail = $"Status {TicketLabels.Of(ticket.Status)} → {TicketLabels.Of(to)}.";
            ticket.Status = to;
            return Task.FromResult(new Outcome(null, TicketChange.Status, detail));
        }, ct);

    public async Task<TriageResult> ChangePriorityAsync(long ticketId, TicketPriority to, Actor actor, CancellationToken ct) =>
        Single(await ChangeEachAsync([ticketId], actor, (ticket, _) =>
        {
            if (ticket.Priority == to) return Task.FromResult(new Outcome($"{ticket.Reference} is already {to}."));
            var due = ticket.CreatedAt + sla.CurrentValue.For(to);
            var detail = $"Priority {ticket.Priority} → {to}; due {due:yyyy-MM-dd HH:mm} UTC.";
            ticket.Priority = to;
            ticket.DueAt = due;
            return Task.FromResult(new Outcome(null, TicketChange.Priority, detail));
        }, ct));

    public async Task<TriageResult> AssignAsync(long ticketId, string? assigneeId, Actor actor, CancellationToken ct) =>
        Single(await BulkAssignAsync([ticketId], assigneeId, actor, ct));

    /// <summary>Assigns every ticket to one person, or unassigns them (null).</summary>
    public Task<BulkTriageResult> BulkAssignAsync(IReadOnlyCollection<long> ticketIds, string? assigneeId, Actor actor, CancellationToken ct)
    {
        TicketAssignees.Assignee? assignee = null;
        return ChangeEachAsync(ticketIds, actor, async (ticket, db) =>
        {
            if (assigneeId is not null && (assignee ??= await TicketAssignees.FindAsync(db, assigneeId, ct)) is null)
                return new Outcome("That person cannot be assigned feedback: their account has no role that triages it.");
            if (ticket.AssigneeId == assigneeId)
                return new Outcome($"{ticket.Reference} is already {(assignee is null ? "unassigned" : "assigned to " + assignee.Name)}.");
            ticket.AssigneeId = assigneeId;
            return new Outcome(null, TicketChange.Assignee, assignee is null ? "Unassigned." : $"Assigned to {assignee.Name}.");
        }, ct);
    }

    /// <summary>Applies the edit to each ticket in one transaction, appending one history row per change made.</summary>
    private async Task<BulkTriageResult> ChangeEachAsync(IReadOnlyCollection<long> ticketIds, Actor actor,
        Func<FeedbackTicket, PortalDbContext, Task<Outcome>> edit, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.TriageFeedback);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = ticketIds.Distinct().ToArray();
        var tickets = await db.FeedbackTickets.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var refusals = new List<string>();
        var changed = 0;
        foreach (var ticket in tickets)
        {
            var outcome = await edit(ticket, db);
            if (outcome.Refusal is not null)
            {
                refusals.Add(outcome.Refusal);
                continue;
            }
            ticket.UpdatedAt = now;
            db.TicketHistory.Add(TicketHistoryEntries.Of(ticket.Id, actor, now, outcome.Change, outcome.Detail));
            changed++;
        }
        if (tickets.Count < ids.Length) refusals.Add($"{ids.Length - tickets.Count} of the selected tickets no longer exist.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (changed > 0) counters.RequestRecount();
        return new BulkTriageResult(changed, refusals);
    }

    private static TriageResult Single(BulkTriageResult result) =>
        result.Changed == 1 ? TriageResult.Ok : new TriageResult(result.Refusals.FirstOrDefault() ?? "No such ticket.");
}
