using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Features.Decisions.Retention;
using Portal.Features.Feedback;
using Portal.Features.Insights.Aggregation;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.Retention;

/// <summary>The retention purge on a test app's database, from a fixed moment (see <see cref="RetentionData"/>).</summary>
public class RetentionPurgeTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly RetentionData data = new(factory);

    [Fact]
    public async Task Decisions_past_the_retention_go_with_their_flags_and_newer_ones_stay()
    {
        var loopId = await data.LoopAsync(retentionDays: 30);
        var events = await data.DecisionsAsync(loopId, 45 * Day, 30 * Day + TimeSpan.FromSeconds(1), 30 * Day - TimeSpan.FromMinutes(1), Day);
        await data.FlagAsync(loopId, events[0]);

        var removed = await data.Purge().PurgeLoopAsync(data.Loop(loopId), CancellationToken.None);

        Assert.Equal(events[2..], await data.EventIdsAsync(loopId));
        Assert.Equal(0, await data.FlagCountAsync(loopId));
        Assert.Equal((2L, 1L), (removed[ExpiredDecisions.Decisions], removed[ExpiredDecisions.Flags]));
    }

    [Fact]
    public async Task Aggregates_go_once_their_whole_hour_is_past_the_retention()
    {
        var loopId = await data.LoopAsync(retentionDays: 30);
        // Hours: 40 days ago; the hour the cutoff falls in (its decision is past the window, the hour not all of it); 29 days ago.
        await data.DecisionsAsync(loopId, 40 * Day, 30 * Day + TimeSpan.FromMinutes(10), 29 * Day);
        await data.AggregateAsync(loopId);
        var cutoffHour = DateTimeOffset.FromUnixTimeMilliseconds(DecisionFolder.HourOf(data.Now - 30 * Day));
        var before = await data.BucketsAsync(loopId);

        var removed = await data.Purge().PurgeLoopAsync(data.Loop(loopId), CancellationToken.None);

        var after = await data.BucketsAsync(loopId);
        Assert.All([after.Segments, after.Importance, after.Values], buckets => Assert.All(buckets, b => Assert.True(b >= cutoffHour)));
        Assert.Equal(before.Segments.Count(b => b >= cutoffHour), after.Segments.Count);
        Assert.Contains(cutoffHour, after.Segments);
        Assert.Equal(before.Segments.Count(b => b < cutoffHour), removed["segmentStats"]);
        Assert.Equal(before.Importance.Count(b => b < cutoffHour), removed["importanceStats"]);
        Assert.Equal(before.Values.Count(b => b < cutoffHour), removed["featureValueStats"]);
        Assert.True(removed["segmentStats"] > 0 && removed["importanceStats"] > 0 && removed["featureValueStats"] > 0);
    }

    [Fact]
    public async Task A_tickets_copy_of_a_decision_past_the_retention_goes_and_the_ticket_stays()
    {
        var loopId = await data.LoopAsync(retentionDays: 30);
        var events = await data.DecisionsAsync(loopId, 31 * Day, 29 * Day);
        // Both tickets arrive today: what counts is the age of the decision they are about.
        var aboutOld = await data.TicketAboutAsync(loopId, events[0]);
        var aboutNew = await data.TicketAboutAsync(loopId, events[1]);
        var oldBefore = await data.TicketAsync(aboutOld);
        var newBefore = await data.TicketAsync(aboutNew);

        var removed = await data.Purge().PurgeLoopAsync(data.Loop(loopId), CancellationToken.None);

        var oldAfter = await data.TicketAsync(aboutOld);
        var newAfter = await data.TicketAsync(aboutNew);
        Assert.NotNull(oldBefore.Ticket.DecisionJson);
        Assert.True(oldBefore.ContextValues > 0);
        Assert.Null(oldAfter.Ticket.DecisionJson);
        Assert.Equal(0, oldAfter.ContextValues);
        Assert.Equal(("About " + events[0], loopId, events[0]), (oldAfter.Ticket.Message, oldAfter.Ticket.LoopId, oldAfter.Ticket.EventId));
        Assert.Equal((newBefore.Ticket.DecisionJson, newBefore.ContextValues), (newAfter.Ticket.DecisionJson, newAfter.ContextValues));
        Assert.Equal((1L, oldBefore.ContextValues), (removed[ExpiredTicketSnapshots.Snapshots], removed[ExpiredTicketSnapshots.ContextValues]));
    }

    [Fact]
    public async Task A_loop_that_keeps_its_log_forever_loses_nothing_and_gets_no_audit_entry()
    {
        var loopId = await data.LoopAsync(retentionDays: -1);
        var events = await data.DecisionsAsync(loopId, 4000 * Day, 400 * Day);
        await data.AggregateAsync(loopId);
        var ticket = await data.TicketAboutAsync(loopId, events[0]);
        var buckets = await data.BucketsAsync(loopId);

        var removed = await data.Purge().PurgeLoopAsync(data.Loop(loopId), CancellationToken.None);

        Assert.Equal(0, removed.Total);
        Assert.Equal(events, await data.EventIdsAsync(loopId));
        Assert.Equal(buckets.Segments.Count, (await data.BucketsAsync(loopId)).Segments.Count);
        Assert.NotNull((await data.TicketAsync(ticket)).Ticket.DecisionJson);
        Assert.Empty(await data.AuditAsync(loopId));
    }

    [Fact]
    public async Task A_purge_of_more_rows_than_one_batch_removes_them_all_and_one_audit_entry_counts_every_kind()
    {
        var loopId = await data.LoopAsync(retentionDays: 7);
        var ages = Enumerable.Range(0, 7).Select(i => (10 + i) * Day).Reverse().Append(Day).ToArray();
        var events = await data.DecisionsAsync(loopId, ages);
        await data.FlagAsync(loopId, events[3]);
        await data.AggregateAsync(loopId);
        var ticket = await data.TicketAboutAsync(loopId, events[0]);
        var contextValues = (await data.TicketAsync(ticket)).ContextValues;
        var expiredBuckets = (await data.BucketsAsync(loopId)).Segments.Count(b => b < data.Now - 7 * Day);

        await data.Purge(batchSize: 2).PurgeLoopAsync(data.Loop(loopId), CancellationToken.None);

        Assert.Equal([events[^1]], await data.EventIdsAsync(loopId));
        var (actor, removed) = Assert.Single(await data.AuditAsync(loopId));
        Assert.Equal("system", actor);
        Assert.Equal(7, removed["decisions"]);
        Assert.Equal(1, removed["decisionFlags"]);
        Assert.Equal(expiredBuckets, removed["segmentStats"]);
        Assert.Equal((1, contextValues), (removed["ticketSnapshots"], removed["ticketContextValues"]));
        Assert.Equal(["decisionFlags", "decisions", "featureValueStats", "importanceStats", "segmentStats", "ticketContextValues", "ticketSnapshots"],
            removed.Keys.Order());
    }

    [Fact]
    public async Task A_run_with_nothing_past_the_retention_removes_nothing_and_writes_no_audit_entry()
    {
        var loopId = await data.LoopAsync(retentionDays: 30);
        var events = await data.DecisionsAsync(loopId, 29 * Day, Day);

        var removed = await data.Purge().PurgeAsync(CancellationToken.None);

        Assert.Equal(0, removed[loopId].Total);
        Assert.Equal(events, await data.EventIdsAsync(loopId));
        Assert.Empty(await data.AuditAsync(loopId));
    }

    [Fact]
    public async Task The_schedule_purges_once_an_interval_has_passed()
    {
        var loopId = await data.LoopAsync(retentionDays: 30);
        var events = await data.DecisionsAsync(loopId, 31 * Day, Day);
        using var schedule = new RetentionSchedule(data.Purge(), await data.LeaseAsync(held: true),
            Options.Create(new LogRetentionOptions { PurgeInterval = TimeSpan.FromHours(1) }), data.Clock);

        await schedule.StartAsync(CancellationToken.None);
        var untouched = await data.EventIdsAsync(loopId);
        // Until the first tick nothing is purged; the timer may not exist yet, so keep advancing an hour at a time.
        await Eventually.TrueAsync(async () =>
        {
            data.Clock.Advance(TimeSpan.FromHours(1));
            return (await data.EventIdsAsync(loopId)).Count == 1;
        });
        await schedule.StopAsync(CancellationToken.None);

        Assert.Equal(events, untouched);
        Assert.Equal([events[1]], await data.EventIdsAsync(loopId));
        Assert.Single(await data.AuditAsync(loopId));
    }

    [Fact]
    public async Task On_a_node_without_the_trainer_lease_the_schedule_leaves_the_purge_to_the_holder()
    {
        var loopId = await data.LoopAsync(retentionDays: 30);
        var events = await data.DecisionsAsync(loopId, 31 * Day, Day);
        var runs = 0;
        using var schedule = new RetentionSchedule(data.Purge(), await data.LeaseAsync(held: false),
            Options.Create(new LogRetentionOptions { PurgeInterval = TimeSpan.FromHours(1) }), new CountingTicks(data.Clock, () => runs++));

        await schedule.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() =>
        {
            data.Clock.Advance(TimeSpan.FromHours(1));
            return Task.FromResult(runs >= 3);
        });
        await schedule.StopAsync(CancellationToken.None);

        Assert.Equal(events, await data.EventIdsAsync(loopId));
        Assert.Empty(await data.AuditAsync(loopId));
    }

    /// <summary>The test's clock, counting the ticks of the timers made on it (the schedule's).</summary>
    private sealed class CountingTicks(FakeTimeProvider clock, Action tick) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override long GetTimestamp() => clock.GetTimestamp();

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.CreateTimer(s => { tick(); callback(s); }, state, dueTime, period);
    }
}

/// <summary>The retention purge on PostgreSQL (id arrays, row addresses, jsonb).</summary>
[Trait("Category", "Postgres")]
public sealed class RetentionPurgeOnPostgresTests(PostgresPortalAppFactory factory) : RetentionPurgeTests(factory), IClassFixture<PostgresPortalAppFactory>;
