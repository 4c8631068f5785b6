using System.Data;
using System.Data.Common;
using System.Threading.Channels;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Group commit for a single writer. Callers enqueue into a bounded channel (full: they wait, nothing is dropped) and
/// await their write; one loop drains what is waiting, up to the batch size, writes it in one transaction on its one
/// connection (one disk flush for the batch) and completes each caller only after the commit, so an acknowledged write
/// is on disk. A failed batch fails its own writes and the loop goes on; on stop it commits what was accepted.
/// </summary>
public sealed class GroupCommitWriter<TItem, TResult>(
    string name,
    int queueCapacity,
    int maxBatchSize,
    Func<DbConnection, IGroupCommitStatements<TItem, TResult>> prepare,
    ILogger logger)
    where TItem : PendingWrite<TResult>
{
    private readonly Channel<TItem> queue = Channel.CreateBounded<TItem>(new BoundedChannelOptions(queueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Awaited before each batch is taken from the queue; writes that arrive meanwhile join that batch.</summary>
    public Func<Task>? BeforeBatch { get; init; }

    /// <summary>Called after each committed batch, before its callers hear of it. Must not throw.</summary>
    public Action? AfterCommit { get; init; }

    /// <summary>Told of batches the storage refused (disk full, read-only) and of the next commit, which ends the spell.</summary>
    public StorageHealth? Health { get; init; }

    /// <summary>True while the loop accepts and commits writes (readiness).</summary>
    public bool IsRunning { get; private set; }

    public long CommittedBatches => tally.Batches;

    /// <summary>Batches, writes and commit time so far (readiness detail, <c>bench/rank-load.sh</c>).</summary>
    public CommitTotals Totals => tally.Totals;

    private readonly CommitTally tally = new();

    // Set while the storage refuses batches (only the loop touches it).
    private bool refusing;

    /// <summary>The hot path (every Rank): one channel write and one await, nothing allocated beyond the item and this call.</summary>
    public async Task<TResult> EnqueueAsync(TItem item, CancellationToken ct)
    {
        if (!queue.Writer.TryWrite(item)) await queue.Writer.WriteAsync(item, ct);
        return await item.Completion;
    }

    /// <summary>Takes no more writes; <see cref="RunAsync"/> commits those already queued, then returns.</summary>
    public void Complete() => queue.Writer.TryComplete();

    /// <summary>How long a writer whose database cannot be reached waits before it connects again (failing what arrives meanwhile).</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Runs the loop on a thread of its own until the queue completes; the task ends with it. Each commit waits for the
    /// disk's flush, a blocking call: on a thread-pool thread it would hold one of the few workers that serve requests
    /// for as long as the flush takes, again and again.
    /// </summary>
    public Task RunAsync(DatabaseEngine engine, CancellationToken stoppingToken)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(engine, stoppingToken);
                ended.TrySetResult();
            }
            catch (OperationCanceledException)
            {
                ended.TrySetCanceled(stoppingToken);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return ended.Task;
    }

    private void Run(DatabaseEngine engine, CancellationToken stoppingToken)
    {
        IsRunning = true;
        try
        {
            var batch = new List<TItem>(maxBatchSize);
            while (RunOnOneConnection(engine, batch, stoppingToken))
            {
                // A connection opened while the file system was read-only stays read-only after it is made writable
                // again, and one whose server went away is broken: after such a refusal the next batch gets a new one.
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Without the loop nothing can be acknowledged: refuse new writes and fail the waiting ones at once
            // (clients get an error and may retry) instead of letting them wait forever. Readiness turns unhealthy.
            logger.LogCritical(error, "The {Writer} stopped; none of its writes can be stored until Portal restarts", name);
            // Stopped before its callers hear so: whoever sees a write fail sees readiness fail too.
            IsRunning = false;
            queue.Writer.TryComplete(error);
            while (queue.Reader.TryRead(out var waiting)) waiting.Fail(error);
        }
        finally
        {
            IsRunning = false;
        }
    }

    /// <summary>What ended the loop's wait: writes to commit, the queue completed, or a read-only spell to let go for.</summary>
    private enum Wake { Writes, Completed, LetGo }

    /// <summary>
    /// The loop's thread waits here for writes to arrive (it has nothing else to do meanwhile). Holding a connection, it
    /// also wakes when any writer finds the storage read-only: SQLite keeps a file's shared-memory index read-only, for
    /// the whole process, until every connection to the file has closed, so an idle writer must not keep one open.
    /// </summary>
    private Wake WaitForWrites(bool holdingConnection)
    {
        // Not the stopping token: a stop first completes the queue, and what it holds is still committed.
        var arrival = queue.Reader.WaitToReadAsync(CancellationToken.None);
        if (arrival.IsCompletedSuccessfully || !holdingConnection || Health is null) return Written(Block(arrival));
        var readOnly = Health.ReadOnlySpell;
        if (readOnly.IsCompleted) return Wake.LetGo;
        var arrived = arrival.AsTask();
        return Task.WhenAny(arrived, readOnly).GetAwaiter().GetResult() == readOnly ? Wake.LetGo : Written(arrived.GetAwaiter().GetResult());

        static Wake Written(bool arrived) => arrived ? Wake.Writes : Wake.Completed;
    }

    /// <summary>Whether writes arrived (false: the queue completed), waited for on the loop's own thread.</summary>
    private static bool Block(ValueTask<bool> arrival) =>
        arrival.IsCompletedSuccessfully ? arrival.Result : arrival.AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Commits batches until the queue completes (false), or until the connection must go (true: the next writes get a
    /// new one): the storage refused a batch in a way that leaves it unusable, or it turned read-only while the loop
    /// waited. The connection is opened once writes arrive, never ahead. A database that cannot be reached fails each
    /// write that arrives (503 to its caller) until it answers again: the writer keeps trying and never stops for it.
    /// </summary>
    private bool RunOnOneConnection(DatabaseEngine engine, List<TItem> batch, CancellationToken stoppingToken)
    {
        if (WaitForWrites(holdingConnection: false) == Wake.Completed) return false;
        DbConnection connection;
        try
        {
            connection = engine.OpenWriterConnectionAsync(stoppingToken).GetAwaiter().GetResult();
        }
        catch (Exception error) when (StorageFault.KindOf(error) == StorageFaultKind.Unreachable)
        {
            LogFailure(error, StorageFaultKind.Unreachable, 0);
            return FailArrivals(error, ReconnectDelay);
        }
        using var _ = connection;
        using var statements = prepare(connection);
        for (var wake = Wake.Writes; wake != Wake.Completed; wake = WaitForWrites(holdingConnection: true))
        {
            if (wake == Wake.LetGo)
            {
                engine.Discard(connection);
                return true;
            }
            BeforeBatch?.Invoke().GetAwaiter().GetResult();
            while (batch.Count < maxBatchSize && queue.Reader.TryRead(out var item)) batch.Add(item);
            var refused = Commit(engine, connection, statements, batch);
            batch.Clear();
            if (refused is not (StorageFaultKind.ReadOnly or StorageFaultKind.Unreachable) && connection.State == ConnectionState.Open) continue;
            // Closed for good rather than returned to the pool, which would hand the same handle back.
            engine.Discard(connection);
            return true;
        }
        return false;
    }

    /// <summary>While the database is unreachable: fails every write that arrives within <paramref name="wait"/>; false once the queue is complete.</summary>
    private bool FailArrivals(Exception error, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (Block(queue.Reader.WaitToReadAsync(timeout.Token)))
            {
                while (queue.Reader.TryRead(out var item)) item.Fail(error);
            }
            return false;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <summary>Writes and commits one batch; returns why the storage refused it, if it did.</summary>
    private StorageFaultKind? Commit(DatabaseEngine engine, DbConnection connection, IGroupCommitStatements<TItem, TResult> statements, List<TItem> batch)
    {
        var results = new TResult[batch.Count];
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        DbTransaction? transaction = null;
        try
        {
            transaction = engine.BeginWriteTransaction(connection);
            statements.Transaction = transaction;
            statements.WriteAll(batch, results);
            transaction.Commit();
            statements.Committed();
            transaction.Dispose();
            tally.Add(batch.Count, started);
        }
        catch (Exception error)
        {
            // Nothing of this batch is on disk: every caller hears so, none is acknowledged. A full or read-only disk
            // fails this batch only; the loop goes on and the next batch commits once the storage takes writes again.
            statements.Transaction = null;
            Abandon(engine, connection, transaction);
            var refused = StorageFault.KindOf(error);
            LogFailure(error, refused, batch.Count);
            foreach (var item in batch) item.Fail(error);
            return refused;
        }
        finally
        {
            statements.Transaction = null;
        }
        Health?.Clear();
        if (refusing)
        {
            refusing = false;
            logger.LogWarning("The {Writer} commits again: the storage takes writes", name);
        }
        AfterCommit?.Invoke();
        for (var i = 0; i < batch.Count; i++) batch[i].Succeed(results[i]);
        return null;
    }

    /// <summary>A refusing disk fails every batch: the first refusal of a spell is logged in full, the next ones in a line.</summary>
    private void LogFailure(Exception error, StorageFaultKind? refused, int count)
    {
        if (refused is null)
        {
            logger.LogError(error, "A batch of {Count} writes of the {Writer} failed and was rolled back", count, name);
            return;
        }
        Health?.Report(error);
        if (refusing) logger.LogWarning("A batch of {Count} writes of the {Writer} was refused again: {Message}", count, name, error.Message);
        else logger.LogError(error, "The storage refused a batch of {Count} writes of the {Writer}; it was rolled back, and the writer goes on", count, name);
        refusing = true;
    }

    /// <summary>Ends a failed batch's transaction, whatever the engine did with it: the next batch must begin on a clean connection.</summary>
    private void Abandon(DatabaseEngine engine, DbConnection connection, DbTransaction? transaction)
    {
        try
        {
            transaction?.Dispose();
        }
        catch (DbException)
        {
            // The engine had rolled back already (or the connection is gone): nothing is left to undo.
        }
        catch (InvalidOperationException)
        {
            // A broken connection refuses the rollback: nothing of the batch was committed.
        }
        if (connection.State == ConnectionState.Open) engine.EndFailedTransaction(connection, logger);
    }
}
