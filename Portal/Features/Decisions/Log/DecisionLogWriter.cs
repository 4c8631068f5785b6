using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// The one writer of decisions, rewards and activations. Callers enqueue into a bounded channel and await their
/// write; the writer drains what is waiting, runs it in one transaction (group commit) and completes every caller
/// only after the commit, so an acknowledged event is on disk.
/// </summary>
public sealed class DecisionLogWriter(
    IOptions<StorageOptions> storage,
    IOptions<DecisionLogOptions> options,
    TimeProvider clock,
    UrgentWrites urgent,
    ILogger<DecisionLogWriter> logger) : BackgroundService
{
    private readonly Channel<LogCommand> queue = Channel.CreateBounded<LogCommand>(
        new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <summary>True while the writer accepts and commits writes (readiness).</summary>
    public bool IsRunning { get; private set; }

    public long CommittedBatches { get; private set; }

    public Task<LogWriteResult> AppendAsync(DecisionRecord decision, CancellationToken ct) =>
        EnqueueAsync(new InsertDecision(decision), ct);

    public Task<LogWriteResult> RewardAsync(string loopId, string eventId, double value, RewardAggregation aggregation, CancellationToken ct) =>
        EnqueueAsync(new RecordReward(loopId, eventId, value, aggregation), ct);

    public Task<LogWriteResult> ActivateAsync(string loopId, string eventId, CancellationToken ct) =>
        EnqueueAsync(new ActivateEvent(loopId, eventId, clock.GetUtcNow()), ct);

    public Task<LogWriteResult> RecordActionAsync(ActionSighting sighting, CancellationToken ct) =>
        EnqueueAsync(new UpsertAction(sighting), ct);

    /// <summary>
    /// Runs another feature's write (synchronous SQL on the given connection and transaction) in the next group commit:
    /// the database keeps one writer. Completes after that commit; fails alone if the work throws.
    /// </summary>
    public Task RunInNextCommitAsync(Action<Microsoft.Data.Sqlite.SqliteConnection, Microsoft.Data.Sqlite.SqliteTransaction> work, CancellationToken ct) =>
        EnqueueAsync(new RideAlong(work), ct);

    private async Task<LogWriteResult> EnqueueAsync(LogCommand command, CancellationToken ct)
    {
        if (!queue.Writer.TryWrite(command))
        {
            await queue.Writer.WriteAsync(command, ct);
        }
        return await command.Completion;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking writes, then let ExecuteAsync drain and commit what is already queued.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var connection = await SqliteConnections.OpenAsync(storage.Value, stoppingToken);
            using var statements = new LogStatements(connection);
            IsRunning = true;
            var batch = new List<LogCommand>(options.Value.MaxBatchSize);
            while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                // A freeze or kill switch waiting for the lock goes first; meanwhile more writes join this batch.
                await urgent.YieldAsync();
                while (batch.Count < options.Value.MaxBatchSize && queue.Reader.TryRead(out var command)) batch.Add(command);
                CommitBatch(connection, statements, batch);
                batch.Clear();
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Without the writer nothing can be acknowledged: refuse new writes and fail the waiting ones at once
            // (clients get a 500 and may retry) instead of letting them wait forever. Readiness turns unhealthy.
            logger.LogCritical(error, "The decision log writer stopped; no decision can be logged until Portal restarts");
            queue.Writer.TryComplete(error);
            while (queue.Reader.TryRead(out var waiting)) waiting.Fail(error);
        }
        finally
        {
            IsRunning = false;
        }
    }

    private void CommitBatch(Microsoft.Data.Sqlite.SqliteConnection connection, LogStatements statements, List<LogCommand> batch)
    {
        var results = new LogWriteResult[batch.Count];
        try
        {
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                statements.Transaction = transaction;
                for (var i = 0; i < batch.Count; i++) results[i] = batch[i].Execute(statements);
                transaction.Commit();
            }
            CommittedBatches++;
        }
        catch (Exception error)
        {
            // Nothing of this batch is on disk: every caller hears so, none is acknowledged.
            logger.LogError(error, "Decision log batch of {Count} writes failed and was rolled back", batch.Count);
            foreach (var command in batch) command.Fail(error);
            return;
        }
        finally
        {
            statements.Transaction = null;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Succeed(results[i]);
    }
}
