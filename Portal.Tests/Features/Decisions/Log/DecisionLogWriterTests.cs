using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Infrastructure.Persistence;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.Log;

public class DecisionLogWriterTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Concurrent_writes_are_committed_together_and_every_one_is_stored()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var writer = factory.Services.GetRequiredService<DecisionLogWriter>();
        var batchesBefore = writer.CommittedBatches;

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => writer.AppendAsync(Decision(loopId, $"group-{i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(LogWriteResult.Committed, r));
        Assert.True(writer.CommittedBatches - batchesBefore < 300, "Concurrent writes should share commits.");
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(300, await db.Decisions.CountAsync(d => d.LoopId == loopId));
    }

    [Fact]
    public async Task When_the_database_cannot_be_opened_writes_fail_at_once_instead_of_waiting()
    {
        var notAFolder = Path.GetTempFileName();
        var storage = Options.Create(new StorageOptions { DataDirectory = notAFolder });
        using var writer = new DecisionLogWriter(new SqliteEngine(storage, new SqlitePragmaInterceptor(), NullLoggerFactory.Instance, new Microsoft.Extensions.DependencyInjection.ServiceCollection().BuildServiceProvider()), Options.Create(new DecisionLogOptions()), TimeProvider.System, new UrgentWrites(), new StorageHealth(TimeProvider.System), NullLogger<DecisionLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var write = writer.AppendAsync(Decision("any", "lost"), CancellationToken.None);

        var error = await Record.ExceptionAsync(() => write.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
        Assert.False(writer.IsRunning);
        File.Delete(notAFolder);
    }

    [Fact]
    public async Task A_failing_ride_along_write_fails_alone_and_the_decisions_of_its_batch_are_kept()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var writer = factory.Services.GetRequiredService<DecisionLogWriter>();

        var decisions = Enumerable.Range(0, 50).Select(i => writer.AppendAsync(Decision(loopId, $"ride-{i}"), CancellationToken.None)).ToList();
        var failing = writer.RunInNextCommitAsync((connection, transaction) =>
        {
            using var insert = DbCommands.Prepare(connection, transaction, "UPDATE Loops SET Name = 'changed by a failing write' WHERE Id = $id", "$id");
            DbCommands.Run(insert, loopId);
            throw new InvalidOperationException("the ride-along failed");
        }, CancellationToken.None);
        var succeeding = writer.RunInNextCommitAsync((connection, transaction) =>
        {
            using var update = DbCommands.Prepare(connection, transaction, "UPDATE Loops SET PolicyName = 'written by a ride-along' WHERE Id = $id", "$id");
            DbCommands.Run(update, loopId);
        }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("the ride-along failed", error.Message);
        await succeeding;
        Assert.All(await Task.WhenAll(decisions), r => Assert.Equal(LogWriteResult.Committed, r));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(50, await db.Decisions.CountAsync(d => d.LoopId == loopId));
        var loop = await db.Loops.SingleAsync(l => l.Id == loopId);
        Assert.NotEqual("changed by a failing write", loop.Name);
        Assert.Equal("written by a ride-along", loop.PolicyName);
    }

    [Fact]
    public async Task A_mixed_batch_gives_each_write_its_own_result_in_order()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var writer = factory.Services.GetRequiredService<DecisionLogWriter>();
        Assert.Equal(LogWriteResult.Committed, await writer.AppendAsync(Decision(loopId, "known"), CancellationToken.None));
        var (holding, hold) = HoldTheWriter(writer);
        var none = CancellationToken.None;

        var writes = new List<Task<LogWriteResult>>
        {
            writer.AppendAsync(Decision(loopId, "new-1"), none),
            writer.AppendAsync(Decision(loopId, "known"), none),
            writer.RewardAsync(loopId, "known", 0.5, RewardAggregation.Earliest, "api", none),
            writer.RewardAsync(loopId, "never-ranked", 1, RewardAggregation.Sum, "api", none),
            writer.AppendAsync(Decision(loopId, "new-2"), none),
            writer.AppendAsync(Decision(loopId, "new-2"), none),
            writer.RewardAsync(loopId, "new-1", 0.25, RewardAggregation.Sum, "api", none),
            writer.ActivateAsync(loopId, "never-ranked", none),
            writer.ActivateAsync(loopId, "new-2", none),
        };
        var rideAlong = writer.RunInNextCommitAsync((connection, transaction) =>
        {
            using var update = DbCommands.Prepare(connection, transaction, "UPDATE Loops SET PolicyName = 'written between log writes' WHERE Id = $id", "$id");
            DbCommands.Run(update, loopId);
        }, none);
        writes.Add(writer.RewardAsync(loopId, "new-1", 0.5, RewardAggregation.Sum, "api", none));
        writes.Add(writer.RewardAsync(loopId, "known", 0.9, RewardAggregation.Earliest, "api", none));
        writes.Add(writer.RecordActionAsync(new ActionSighting(loopId, "a", "[]", DateTimeOffset.UtcNow), none));
        hold.Set();
        await holding;

        LogWriteResult[] expected =
        [
            LogWriteResult.Committed, LogWriteResult.DuplicateEvent, LogWriteResult.Committed, LogWriteResult.UnknownEvent,
            LogWriteResult.Committed, LogWriteResult.DuplicateEvent, LogWriteResult.Committed, LogWriteResult.UnknownEvent,
            LogWriteResult.Committed, LogWriteResult.Committed, LogWriteResult.Committed, LogWriteResult.Committed,
        ];
        Assert.Equal(expected, await Task.WhenAll(writes));
        await rideAlong;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Decisions.Where(d => d.LoopId == loopId).ToDictionaryAsync(d => d.EventId);
        Assert.Equal(["known", "new-1", "new-2"], stored.Keys.Order());
        Assert.Equal(0.5, stored["known"].Reward);
        Assert.Equal(2, stored["known"].RewardCount);
        Assert.Equal(0.75, stored["new-1"].Reward);
        Assert.Equal(2, stored["new-1"].RewardCount);
        Assert.NotNull(stored["new-2"].ActivatedAt);
        Assert.Equal("written between log writes", (await db.Loops.SingleAsync(l => l.Id == loopId)).PolicyName);
        Assert.Equal(1, await db.LoopActions.CountAsync(a => a.LoopId == loopId));
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_its_whole_batch_and_the_next_batch_commits()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var writer = factory.Services.GetRequiredService<DecisionLogWriter>();
        var (holding, hold) = HoldTheWriter(writer);

        var batch = new[]
        {
            writer.AppendAsync(Decision(loopId, "before"), CancellationToken.None),
            writer.AppendAsync(Decision(loopId, "broken") with { RequestJson = null! }, CancellationToken.None),
            writer.AppendAsync(Decision(loopId, "after"), CancellationToken.None),
        };
        hold.Set();
        await holding;

        foreach (var write in batch) await Assert.ThrowsAnyAsync<Exception>(() => write);
        Assert.Equal(LogWriteResult.Committed, await writer.AppendAsync(Decision(loopId, "next"), CancellationToken.None));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(["next"], await db.Decisions.Where(d => d.LoopId == loopId).Select(d => d.EventId).ToListAsync());
    }

    /// <summary>Holds the writer inside a batch until the returned signal is set: writes queued meanwhile form the next batch together.</summary>
    internal static (Task Holding, ManualResetEventSlim Release) HoldTheWriter(DecisionLogWriter writer)
    {
        var entered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holding = writer.RunInNextCommitAsync((_, _) =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        }, CancellationToken.None);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "The writer should take the holding write.");
        return (holding, release);
    }

    private static DecisionRecord Decision(string loopId, string eventId) => new(
        loopId, eventId, DateTimeOffset.UtcNow, """{"actions":[{"id":"a","features":[]}]}""", "a", 1.0, "a",
        Explored: false, ModelVersion: 1, LearningMode.Online, """[{"id":"a","probability":1}]""", "[]", DeferActivation: false);
}

/// <summary>The decision log writer's group commit on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class DecisionLogWriterOnPostgresTests(PostgresPortalAppFactory factory) : DecisionLogWriterTests(factory), IClassFixture<PostgresPortalAppFactory>;
