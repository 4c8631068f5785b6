using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Persistence;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Cluster;

/// <summary>
/// Two nodes competing for the trainer lease in one database, on a fake clock (lease 6 s, renewal every 2 s): one holds
/// it, a dead holder is replaced once its lease expired, and a node that lost it can write no model.
/// </summary>
public sealed class TrainerLeaseTests : IDisposable
{
    private readonly ScratchDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => database.Dispose();

    private TrainerLease Node(string id, DatabaseProvider provider = DatabaseProvider.Postgres) => new(new LeaseTable(database),
        Options.Create(new ClusterOptions { NodeId = id }), Options.Create(new DatabaseOptions { Provider = provider }), clock,
        NullLogger<TrainerLease>.Instance);

    [Fact]
    public async Task The_first_node_takes_the_lease_and_the_second_waits_while_it_is_renewed()
    {
        var (a, b) = (Node("a"), Node("b"));

        await a.TickAsync(CancellationToken.None);
        await b.TickAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await a.TickAsync(CancellationToken.None);
            await b.TickAsync(CancellationToken.None);
        }

        Assert.True(a.IsHeld);
        Assert.False(b.IsHeld);
        Assert.Equal("a", b.Observed.Holder);
        Assert.Equal(1, a.Current!.Version);
    }

    [Fact]
    public async Task A_node_that_dies_is_replaced_once_its_lease_expired_and_its_term_ends_by_itself()
    {
        var (a, b) = (Node("a"), Node("b"));
        await a.TickAsync(CancellationToken.None);
        var aTerm = a.Current!;

        clock.Advance(TimeSpan.FromSeconds(5.9));
        await b.TickAsync(CancellationToken.None);
        Assert.False(b.IsHeld);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        await b.TickAsync(CancellationToken.None);

        Assert.True(b.IsHeld);
        Assert.Equal(2, b.Current!.Version);
        Assert.True(aTerm.Lost.IsCancellationRequested);
        Assert.False(a.IsHeld);
    }

    [Fact]
    public async Task A_node_that_lost_the_lease_can_save_no_model_and_the_new_holder_can()
    {
        var (a, b) = (Node("a"), Node("b"));
        await a.TickAsync(CancellationToken.None);
        var aTerm = a.Current!;
        clock.Advance(TimeSpan.FromSeconds(7));
        await b.TickAsync(CancellationToken.None);
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var store = new ModelStore(database, a, clock);

        var late = await store.SaveAsync("demo", learner, 10, generation: 0, aTerm, CancellationToken.None);
        Assert.Null(store.Load("demo"));
        var current = await store.SaveAsync("demo", learner, 20, generation: 0, b.Current!, CancellationToken.None);

        Assert.Equal(ModelStore.SaveOutcome.LeaseLost, late.Outcome);
        Assert.Equal(ModelStore.SaveOutcome.Saved, current.Outcome);
        Assert.Equal(20, store.Load("demo")!.Model.LastTrainedSeq);
    }

    [Fact]
    public async Task A_holder_whose_renewal_finds_the_lease_taken_stops_at_once()
    {
        var a = Node("a");
        await a.TickAsync(CancellationToken.None);
        var aTerm = a.Current!;
        // A SQLite node takes the lease at its start (there is one node by definition): here it takes it from a live holder.
        var restarted = Node("a-restarted", DatabaseProvider.Sqlite);
        await restarted.TickAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(2));
        await a.TickAsync(CancellationToken.None);

        Assert.True(restarted.IsHeld);
        Assert.False(a.IsHeld);
        Assert.True(aTerm.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task A_generation_replaced_by_a_reset_is_not_overwritten_by_the_trainer()
    {
        var a = Node("a");
        await a.TickAsync(CancellationToken.None);
        var store = new ModelStore(database, a, clock);
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var first = await store.SaveAsync("demo", learner, 10, generation: 0, a.Current!, CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await store.ReplaceAsync(db, "demo", new OnlineLearner(learner.Policy), 99, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stale = await store.SaveAsync("demo", learner, 11, first.Row.Generation, a.Current!, CancellationToken.None);

        Assert.Equal(ModelStore.SaveOutcome.Replaced, stale.Outcome);
        var stored = store.Load("demo")!;
        Assert.Equal(99, stored.Model.LastTrainedSeq);
        Assert.Equal(first.Row.Generation + 1, stored.Generation);
    }

    [Fact]
    public async Task A_graceful_stop_hands_the_lease_over_at_once()
    {
        var (a, b) = (Node("a"), Node("b"));
        await a.TickAsync(CancellationToken.None);

        await a.StopAsync(CancellationToken.None);
        await b.TickAsync(CancellationToken.None);

        Assert.True(b.IsHeld);
        Assert.False(a.IsHeld);
    }
}
