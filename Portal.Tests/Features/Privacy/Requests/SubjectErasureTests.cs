using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Loops;
using Portal.Features.Privacy;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>Erasing a person: their rows go, everyone else's and the aggregates stay, and the audit log says so without naming them.</summary>
public class SubjectErasureTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static string NewUser() => "erase-" + Guid.NewGuid().ToString("N")[..8];

    private Task<ErasureResult> EraseAsync(string userId, bool removeOptOuts = false, Actor? actor = null,
        IProgress<RequestProgress>? progress = null, CancellationToken ct = default) =>
        Service<SubjectErasure>().EraseAsync(SubjectQuery.ByUserId(userId), removeOptOuts, actor ?? SubjectTestData.Admin, progress, ct);

    [Fact]
    public async Task Every_row_of_the_user_goes_and_other_users_rows_and_the_aggregates_stay()
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        var (user, other) = (NewUser(), NewUser());
        var mine = new[] { await api.RankForAsync(user), await api.RankForAsync(user) };
        var theirs = await api.RankForAsync(other);
        await FlagAsync(loopId, mine[0]);
        var ticket = await factory.TicketAboutAsync(loopId, mine[1], "I am Jane Doe and this was creepy.", "jane@example.com");
        var otherTicket = await factory.TicketAboutAsync(loopId, theirs, "Mine stays.", "joe@example.com");
        var aggregates = await AggregatedAsync(loopId, expected: 3);

        var result = await EraseAsync(user);

        Assert.Equal(ErasureOutcome.Completed, result.Outcome);
        Assert.Equal((2L, 1L, 1L, 1L), (Erased(result, SubjectDecisions.Kind), Erased(result, SubjectDecisions.FlagsKind),
            Erased(result, SubjectTickets.Kind), Erased(result, SubjectTickets.EmailsKind)));
        Assert.Equal([theirs], await factory.EventIdsAsync(loopId));
        Assert.True((await factory.FindAsync(user)).NothingHeld);
        await using var db = await factory.DbAsync();
        Assert.False(await db.DecisionFlags.AnyAsync(f => f.LoopId == loopId));
        var erased = await db.FeedbackTickets.AsNoTracking().SingleAsync(t => t.Reference == ticket.Reference);
        Assert.Equal((SubjectTickets.ErasedText, null, false, null, null, ""), (erased.Message, erased.ContactEmail, erased.ConsentToContact,
            erased.DecisionJson, erased.EventId, erased.SourceHash));
        Assert.Equal((loopId, FeedbackCategory.PrivacyConcern), (erased.LoopId, erased.Category));
        Assert.False(await db.TicketContextValues.AnyAsync(v => v.TicketId == erased.Id));
        Assert.False(await db.TicketStatusLinks.AnyAsync(l => l.TicketId == erased.Id));
        Assert.Contains(await db.TicketHistory.Where(h => h.TicketId == erased.Id).ToListAsync(), h => h.Change == TicketChange.Erased && h.ActorName == SubjectTestData.Admin.Name);
        var kept = await db.FeedbackTickets.AsNoTracking().SingleAsync(t => t.Reference == otherTicket.Reference);
        Assert.Equal(("Mine stays.", "joe@example.com"), (kept.Message, kept.ContactEmail));
        Assert.True(await db.TicketContextValues.AnyAsync(v => v.TicketId == kept.Id));
        Assert.Equal(aggregates, await AggregateTotalsAsync(loopId));
    }

    [Fact]
    public async Task The_audit_entry_names_the_actor_and_the_counts_and_never_the_user_id()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var user = NewUser();
        var eventId = await api.RankForAsync(user);
        await factory.TicketAboutAsync(loopId, eventId, "Please forget me.", "someone@example.com");

        await EraseAsync(user);

        var entry = await EraseEntryAsync(user);
        Assert.Equal((SubjectTestData.Admin.UserId, SubjectTestData.Admin.Name, SubjectAudit.TargetType), (entry.ActorId, entry.ActorName, entry.TargetType));
        Assert.Matches("^[0-9a-f]{32}$", entry.TargetId);
        Assert.Contains("\"decisions\":1", entry.After);
        Assert.Contains("\"tickets\":1", entry.After);
        Assert.Contains("\"contactEmails\":1", entry.After);
        Assert.Contains("\"outcome\":\"Completed\"", entry.After);
        Assert.Contains("\"optOuts\":\"kept\"", entry.After);
        await using var db = await factory.DbAsync();
        var everything = string.Join("|", await db.AuditEntries.Select(e => e.Action + e.TargetId + e.LoopId + e.Before + e.After + e.Reason).ToListAsync());
        Assert.DoesNotContain(user, everything);
    }

    [Fact]
    public async Task The_opt_out_entry_is_kept_unless_the_administrator_removes_it()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var user = NewUser();
        var registry = Service<OptOutRegistry>();
        await api.RankForAsync(user);
        await registry.OptOutAsync(loopId, user, OptOutSource.Api, Actor.System, CancellationToken.None);

        var keeping = await EraseAsync(user);
        Assert.True(keeping.OptOutsKept);
        Assert.NotNull(registry.OptedOutAt(loopId, user));

        var removing = await EraseAsync(user, removeOptOuts: true);
        Assert.Equal(1, Erased(removing, SubjectSearch.OptOutsKind));
        Assert.Null(registry.OptedOutAt(loopId, user));
        Assert.True((await factory.FindAsync(user)).NothingHeld);
    }

    [Fact]
    public async Task The_trainer_never_learns_an_erased_decision_it_had_not_learned_yet()
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromDays(1) });
        var user = NewUser();
        await api.RankForAsync(user);
        await api.RankForAsync(user);
        var others = await api.RankForAsync(NewUser());
        await EraseAsync(user);

        await Service<LoopSettingsService>().UpdateSettingsAsync(loopId,
            Service<LoopDirectory>().Find(loopId)!.Settings with { RewardWaitTime = TimeSpan.FromSeconds(1) }, SubjectTestData.Admin, CancellationToken.None);
        long othersSeq;
        await using (var db = await factory.DbAsync()) othersSeq = await db.Decisions.Where(d => d.EventId == others).Select(d => d.Seq).SingleAsync();
        var loop = await factory.TrainedPastAsync(loopId, othersSeq);

        Assert.Equal(1, loop.Model.Current.ExamplesLearned);
    }

    [Fact]
    public async Task A_cancelled_erasure_keeps_what_it_committed_and_is_audited_with_those_counts()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var user = NewUser();
        var eventId = await api.RankForAsync(user);
        await factory.TicketAboutAsync(loopId, eventId, "Cancel me half-way.");
        using var cancellation = new CancellationTokenSource();
        // Cancelled as soon as the tickets are done: the decisions are never reached.
        var progress = new Reporting(p => { if (p.Step == "Feedback tickets" && p.Done >= 1) cancellation.Cancel(); });

        var result = await EraseAsync(user, progress: progress, ct: cancellation.Token);

        Assert.Equal(ErasureOutcome.Cancelled, result.Outcome);
        Assert.Equal((1L, 0L), (Erased(result, SubjectTickets.Kind), Erased(result, SubjectDecisions.Kind)));
        Assert.Equal([eventId], await factory.EventIdsAsync(loopId));
        var entry = await EraseEntryAsync(user);
        Assert.Contains("\"outcome\":\"Cancelled\"", entry.After);
        Assert.Contains("\"tickets\":1", entry.After);
    }

    [Fact]
    public async Task Someone_without_the_policy_is_refused_and_nothing_is_erased()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var user = NewUser();
        var eventId = await api.RankForAsync(user);
        var reviewer = TestActors.Person("reviewer-id", "reviewer@test.local", PortalRoles.ComplianceReviewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => EraseAsync(user, actor: reviewer));

        Assert.Equal([eventId], await factory.EventIdsAsync(loopId));
    }

    private sealed class Reporting(Action<RequestProgress> report) : IProgress<RequestProgress>
    {
        public void Report(RequestProgress value) => report(value);
    }

    private static long Erased(ErasureResult result, string kind) => result.Erased.Single(c => c.Kind == kind).Count;

    private async Task<AuditEntry> EraseEntryAsync(string userId)
    {
        var hash = Service<DataSubjects>().Of(SubjectQuery.ByUserId(userId)).UserHash;
        await using var db = await factory.DbAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == SubjectAudit.EraseAction && e.TargetId == hash)
            .OrderByDescending(e => e.Seq).FirstAsync();
    }

    private async Task FlagAsync(string loopId, string eventId)
    {
        var flagged = await Service<Portal.Features.Oversight.DecisionReviewService>()
            .FlagAsync(loopId, eventId, "Looks wrong", SubjectTestData.Admin, CancellationToken.None);
        Assert.True(flagged.Outcome.Succeeded, flagged.Outcome.Message);
    }

    /// <summary>Waits until the aggregator has folded in the loop's decisions; returns its totals.</summary>
    private async Task<(long Decisions, long Values)> AggregatedAsync(string loopId, long expected)
    {
        var loop = Service<LoopDirectory>().Find(loopId)!;
        await Eventually.TrueAsync(async () =>
        {
            await Service<InsightAggregator>().CatchUpAsync(loop, CancellationToken.None);
            return (await AggregateTotalsAsync(loopId)).Decisions == expected;
        });
        return await AggregateTotalsAsync(loopId);
    }

    private async Task<(long Decisions, long Values)> AggregateTotalsAsync(string loopId)
    {
        await using var db = await factory.DbAsync();
        var decisions = await db.SegmentStats.Where(s => s.LoopId == loopId && s.Dimension == Dimensions.Everyone).SumAsync(s => s.Decisions);
        var values = await db.FeatureValueStats.Where(s => s.LoopId == loopId).SumAsync(s => s.Count);
        return (decisions, values);
    }
}

/// <summary>Erasing a data subject on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class SubjectErasureOnPostgresTests(PostgresPortalAppFactory factory) : SubjectErasureTests(factory), IClassFixture<PostgresPortalAppFactory>;
