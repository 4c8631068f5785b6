using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Privacy;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>
/// Erasures are seen through whatever happens to whoever asked: they are recorded before they start, go on when the
/// caller stops waiting, and are taken up again (here by a second node in the same process) after a stop or a crash.
/// </summary>
public class BackgroundErasuresTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private BackgroundErasures Node => factory.Services.GetRequiredService<BackgroundErasures>();

    private static string NewUser() => "bg-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The user's decision with a ticket about it, and a decision of someone else; returns the loop.</summary>
    private async Task<string> SeedAsync(string user)
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var eventId = await api.RankForAsync(user);
        await api.RankForAsync(NewUser());
        await factory.TicketAboutAsync(loopId, eventId, "Forget me, please.", "someone@example.com");
        return loopId;
    }

    [Fact]
    public async Task An_erasure_goes_on_to_its_end_when_the_one_who_asked_stops_waiting()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        using var leaving = new CancellationTokenSource();

        var job = await Node.StartAsync(SubjectQuery.ByUserId(user), removeOptOuts: false, SubjectTestData.Admin, leaving.Token);
        await leaving.CancelAsync();
        var result = await job.Completion;

        Assert.Equal(ErasureOutcome.Completed, result.Outcome);
        Assert.Equal(1, result.Erased.Single(c => c.Kind == SubjectDecisions.Kind).Count);
        Assert.Single(await factory.EventIdsAsync(loopId));
        Assert.True((await factory.FindAsync(user)).NothingHeld);
        Assert.Null(await PendingAsync(job.Id));
        Assert.Contains(Node.Jobs, j => j.Id == job.Id && j.FinishedAt is not null);
    }

    [Fact]
    public async Task An_erasure_nobody_holds_is_taken_up_completed_audited_in_the_askers_name_and_then_forgotten()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        // What a node that crashed half-way leaves behind: the record, its claim lapsed.
        var left = await RecordAsync(user, holder: "crashed-node", claimedUntil: DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Equal(1, await Node.TakeUpDueAsync(CancellationToken.None));
        var result = await Node.Jobs.Single(j => j.Id == left.Id).Completion;

        Assert.Equal(ErasureOutcome.Completed, result.Outcome);
        Assert.Single(await factory.EventIdsAsync(loopId));
        Assert.True((await factory.FindAsync(user)).NothingHeld);
        Assert.Null(await PendingAsync(left.Id));
        var hash = factory.Services.GetRequiredService<DataSubjects>().Of(SubjectQuery.ByUserId(user)).UserHash;
        await using var db = await factory.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == SubjectAudit.EraseAction && e.TargetId == hash).SingleAsync();
        Assert.Equal((SubjectTestData.Admin.UserId, SubjectTestData.Admin.Name), (entry.ActorId, entry.ActorName));
        Assert.Contains("\"outcome\":\"Completed\"", entry.After);
    }

    [Fact]
    public async Task An_erasure_another_node_holds_is_left_to_it_until_its_claim_lapses()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        var held = await RecordAsync(user, holder: "busy-node", claimedUntil: DateTimeOffset.UtcNow.AddMinutes(1));

        await Node.TakeUpDueAsync(CancellationToken.None);

        Assert.DoesNotContain(Node.Jobs, j => j.Id == held.Id);
        Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);
        Assert.Equal("busy-node", (await PendingAsync(held.Id))!.Holder);
        await RemoveAsync(held.Id);
    }

    [Fact]
    public async Task An_erasure_stopped_with_its_node_stays_recorded_and_another_node_finishes_it()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        var stoppingNode = SecondNode("node-that-stops");
        var job = await stoppingNode.StartAsync(SubjectQuery.ByUserId(user), removeOptOuts: false, SubjectTestData.Admin, CancellationToken.None);
        // Stopped once the tickets are done: the decisions are never reached on this node.
        using var watching = job.Watch(new Reporting(p => { if (p.Step == "Feedback tickets" && p.Done >= 1) _ = stoppingNode.StopAsync(CancellationToken.None); }));

        var stopped = await job.Completion;

        Assert.Equal(ErasureOutcome.Cancelled, stopped.Outcome);
        Assert.False(job.CancelRequested);
        Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);
        var record = (await PendingAsync(job.Id))!;
        Assert.Equal(("", 0), (record.Holder, record.FailedRuns));

        Assert.True(await Node.TakeUpDueAsync(CancellationToken.None) >= 1);
        var finished = await Node.Jobs.Single(j => j.Id == job.Id).Completion;

        Assert.Equal(ErasureOutcome.Completed, finished.Outcome);
        Assert.Single(await factory.EventIdsAsync(loopId));
        Assert.Null(await PendingAsync(job.Id));
    }

    [Fact]
    public async Task A_person_who_cancels_ends_the_erasure_for_good()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        var job = await Node.StartAsync(SubjectQuery.ByUserId(user), removeOptOuts: false, SubjectTestData.Admin, CancellationToken.None);
        using var _ = job.Watch(new Reporting(p => { if (p.Step == "Feedback tickets" && p.Done >= 1) job.Cancel(); }));

        var result = await job.Completion;

        Assert.Equal(ErasureOutcome.Cancelled, result.Outcome);
        Assert.True(job.CancelRequested);
        Assert.Equal(1, result.Erased.Single(c => c.Kind == SubjectTickets.Kind).Count);
        Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);
        Assert.Null(await PendingAsync(job.Id));
        Assert.Equal(0, await Node.TakeUpDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_record_that_can_never_run_is_dropped_instead_of_being_tried_forever()
    {
        var broken = await RecordAsync("id-with-a-control-character\u0001", holder: "", claimedUntil: DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Equal(0, await Node.TakeUpDueAsync(CancellationToken.None));

        Assert.Null(await PendingAsync(broken.Id));
    }

    [Fact]
    public async Task Someone_without_the_policy_is_refused_and_nothing_is_recorded()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        var reviewer = TestActors.Person("reviewer-id", "reviewer@test.local", PortalRoles.ComplianceReviewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => Node.StartAsync(SubjectQuery.ByUserId(user), false, reviewer, CancellationToken.None));

        await using var db = await factory.DbAsync();
        Assert.False(await db.PendingErasures.AnyAsync(e => e.UserId == user));
        Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);
    }

    [Fact]
    public async Task An_erasure_waiting_to_run_again_cancelled_from_any_node_is_forgotten_and_audited()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        var waiting = await RecordAsync(user, holder: "", claimedUntil: DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal("Cancelled: it will not run again.", (await Node.CancelAsync(waiting.Id, SubjectTestData.Admin, CancellationToken.None)).Message);

        Assert.Null(await PendingAsync(waiting.Id));
        Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);
        var hash = factory.Services.GetRequiredService<DataSubjects>().Of(SubjectQuery.ByUserId(user)).UserHash;
        await using var db = await factory.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == SubjectAudit.EraseAction && e.TargetId == hash).SingleAsync();
        Assert.Contains("\"outcome\":\"Cancelled\"", entry.After);
        Assert.Equal(SubjectTestData.Admin.Name, entry.ActorName);
    }

    [Fact]
    public async Task An_erasure_another_node_runs_stops_at_that_nodes_next_renewal_when_cancelled_elsewhere()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var other = SecondNode("node-running-it", clock);
        using var paused = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();
        var job = await other.StartAsync(SubjectQuery.ByUserId(user), removeOptOuts: false, SubjectTestData.Admin, CancellationToken.None);
        // Held between the tickets and the decisions, as a long erasure would be at some batch.
        using var holding = job.Watch(new Reporting(p =>
        {
            if (p.Step != "Feedback tickets" || p.Done < 1 || paused.IsSet) return;
            paused.Set();
            resume.Wait(TimeSpan.FromSeconds(30));
        }));
        Assert.True(paused.Wait(TimeSpan.FromSeconds(30)));

        var said = await Node.CancelAsync(job.Id, SubjectTestData.Admin, CancellationToken.None);
        Assert.StartsWith("Asked node-running-it to stop it", said.Message);
        Assert.False(job.CancelRequested);
        clock.Advance(BackgroundErasures.RenewEvery);
        await Eventually.TrueAsync(() => job.CancelRequested);
        // The renewal also wrote how far it got, for the pages of other nodes.
        var renewed = await PendingAsync(job.Id);
        Assert.Equal(("Feedback tickets", 1.0), (renewed!.ProgressStep, renewed.ProgressDone));
        Assert.StartsWith("Running on node-running-it: Feedback tickets… 100", SubjectWording.State(renewed, clock.GetUtcNow()));
        resume.Set();
        var result = await job.Completion;

        Assert.Equal(ErasureOutcome.Cancelled, result.Outcome);
        Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);
        Assert.Null(await PendingAsync(job.Id));
    }

    [Fact]
    public async Task An_erasure_that_keeps_failing_is_given_up_and_kept_until_a_person_runs_it_again()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        // Held by the failing node until a minute from now: the host's own node leaves it to it.
        var row = await RecordAsync(user, holder: "node-failing", claimedUntil: DateTimeOffset.UtcNow.AddMinutes(1), failedRuns: BackgroundErasures.MaxRuns - 1);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(2));
        var failing = FailingNode("node-failing", clock);

        Assert.Equal(1, await failing.TakeUpDueAsync(CancellationToken.None));
        var job = failing.Jobs.Single(j => j.Id == row.Id);
        await Assert.ThrowsAsync<IOException>(() => job.Completion);

        Assert.False(job.RunsAgain);
        var givenUp = await PendingAsync(row.Id);
        Assert.NotNull(givenUp);
        Assert.Equal(clock.GetUtcNow(), givenUp.GivenUpAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(BackgroundErasures.MaxRuns, givenUp.FailedRuns);
        Assert.Equal("disk on fire", givenUp.LastError);
        Assert.Equal("", givenUp.Holder);
        // Neither node takes it up by itself any more.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await failing.TakeUpDueAsync(CancellationToken.None));
        await Node.TakeUpDueAsync(CancellationToken.None);
        Assert.DoesNotContain(Node.Jobs, j => j.Id == row.Id);
        Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);

        Assert.Equal("Running again.", (await Node.RunAgainAsync(row.Id, SubjectTestData.Admin, CancellationToken.None)).Message);
        var result = await Node.Jobs.Single(j => j.Id == row.Id).Completion;

        Assert.Equal(ErasureOutcome.Completed, result.Outcome);
        Assert.Single(await factory.EventIdsAsync(loopId));
        Assert.Null(await PendingAsync(row.Id));
        var hash = factory.Services.GetRequiredService<DataSubjects>().Of(SubjectQuery.ByUserId(user)).UserHash;
        await using var db = await factory.DbAsync();
        var again = await db.AuditEntries.AsNoTracking().Where(e => e.Action == SubjectAudit.RunAgainAction && e.TargetId == hash).SingleAsync();
        Assert.Equal(SubjectTestData.Admin.Name, again.ActorName);
        Assert.Contains("disk on fire", again.After);
    }

    [Fact]
    public async Task Only_a_given_up_erasure_is_run_again_and_a_given_up_one_can_be_cancelled()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        var waiting = await RecordAsync(user, holder: "", claimedUntil: DateTimeOffset.UtcNow.AddMinutes(1), failedRuns: 2);
        var givenUp = await RecordAsync(user, holder: "", claimedUntil: DateTimeOffset.UtcNow.AddMinutes(-1), failedRuns: BackgroundErasures.MaxRuns,
            givenUpAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        try
        {
            Assert.Equal(ErasureControl.Refused("It is not given up: it runs again by itself (2 of 5 runs failed so far)."),
                await Node.RunAgainAsync(waiting.Id, SubjectTestData.Admin, CancellationToken.None));
            Assert.Equal(ErasureControlResult.NotFound, (await Node.RunAgainAsync(987654321, SubjectTestData.Admin, CancellationToken.None)).Result);
            Assert.Equal(2, (await PendingAsync(waiting.Id))!.FailedRuns);
            var reviewer = TestActors.Person("reviewer-id", "reviewer@test.local", PortalRoles.ComplianceReviewer);
            await Assert.ThrowsAsync<ForbiddenException>(() => Node.RunAgainAsync(givenUp.Id, reviewer, CancellationToken.None));
            Assert.NotNull((await PendingAsync(givenUp.Id))!.GivenUpAt);

            Assert.Equal("Cancelled: it will not run again.", (await Node.CancelAsync(givenUp.Id, SubjectTestData.Admin, CancellationToken.None)).Message);

            Assert.Null(await PendingAsync(givenUp.Id));
            Assert.Equal(2, (await factory.EventIdsAsync(loopId)).Count);
        }
        finally
        {
            await RemoveAsync(waiting.Id);
        }
    }

    /// <summary>A node whose erasures fail at their first step, as on a disk that refuses writes.</summary>
    private BackgroundErasures FailingNode(string nodeId, TimeProvider clock)
    {
        var holders = factory.Services.GetServices<IPersonalData>().Append(new FailingHolder());
        var erasure = ActivatorUtilities.CreateInstance<SubjectErasure>(factory.Services, holders);
        return ActivatorUtilities.CreateInstance<BackgroundErasures>(factory.Services, Options.Create(new ClusterOptions { NodeId = nodeId }), clock, erasure);
    }

    private sealed class FailingHolder : IPersonalData
    {
        public int ErasureOrder => int.MinValue;

        public string Step => "Failing";

        public Task<IReadOnlyList<HeldCount>> CountAsync(DataSubject subject, IProgress<double> progress, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<HeldCount>>([]);

        public Task WriteAsync(DataSubject subject, System.Text.Json.Utf8JsonWriter json, CancellationToken ct) => Task.CompletedTask;

        public Task EraseAsync(Erasure erasure, IProgress<double> progress, CancellationToken ct) => throw new IOException("disk on fire");
    }

    /// <summary>Another node in the same process, on the same database.</summary>
    private BackgroundErasures SecondNode(string nodeId, TimeProvider? clock = null) => ActivatorUtilities.CreateInstance<BackgroundErasures>(factory.Services,
        Options.Create(new ClusterOptions { NodeId = nodeId }), clock ?? TimeProvider.System);

    private async Task<PendingErasure> RecordAsync(string userId, string holder, DateTimeOffset claimedUntil, int failedRuns = 0, DateTimeOffset? givenUpAt = null)
    {
        var row = new PendingErasure
        {
            UserId = userId,
            RequestedById = SubjectTestData.Admin.UserId,
            RequestedByName = SubjectTestData.Admin.Name,
            RequestedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            Holder = holder,
            ClaimedUntil = claimedUntil,
            FailedRuns = failedRuns,
            GivenUpAt = givenUpAt,
        };
        await using var db = await factory.DbAsync();
        db.PendingErasures.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private async Task<PendingErasure?> PendingAsync(long id)
    {
        await using var db = await factory.DbAsync();
        return await db.PendingErasures.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }

    private async Task RemoveAsync(long id)
    {
        await using var db = await factory.DbAsync();
        await db.PendingErasures.Where(e => e.Id == id).ExecuteDeleteAsync();
    }

    private sealed class Reporting(Action<RequestProgress> report) : IProgress<RequestProgress>
    {
        public void Report(RequestProgress value) => report(value);
    }
}

/// <summary>Background erasures on PostgreSQL (the claims are conditional UPDATEs there too).</summary>
[Trait("Category", "Postgres")]
public sealed class BackgroundErasuresOnPostgresTests(PostgresPortalAppFactory factory) : BackgroundErasuresTests(factory), IClassFixture<PostgresPortalAppFactory>;
