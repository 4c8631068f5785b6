using System.Threading.Channels;
using Microsoft.Data.Sqlite;

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
    Func<SqliteConnection, IGroupCommitStatements<TItem, TResult>> prepare,
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

    public long CommittedBatches { get; private set; }

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

    public async Task RunAsync(StorageOptions storage, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var batch = new List<TItem>(maxBatchSize);
            while (await RunOnOneConnectionAsync(storage, batch, stoppingToken))
            {
                // A connection opened while the file system was read-only stays read-only after it is made writable
                // again: after a read-only refusal the next batch gets a connection opened now.
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Without the loop nothing can be acknowledged: refuse new writes and fail the waiting ones at once
            // (clients get an error and may retry) instead of letting them wait forever. Readiness turns unhealthy.
            logger.LogCritical(error, "The {Writer} stopped; none of its writes can be stored until Portal restarts", name);
            queue.Writer.TryComplete(error);
            while (queue.Reader.TryRead(out var waiting)) waiting.Fail(error);
        }
        finally
        {
            IsRunning = false;
        }
    }

    /// <summary>Commits batches until the queue completes (false) or the storage refused a batch as read-only (true: reopen).</summary>
    private async Task<bool> RunOnOneConnectionAsync(StorageOptions storage, List<TItem> batch, CancellationToken stoppingToken)
    {
        await using var connection = await SqliteConnections.OpenAsync(storage, stoppingToken);
        using var statements = prepare(connection);
        IsRunning = true;
        // Not the stopping token: a stop first completes the queue, and what it holds is still committed.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (BeforeBatch is { } beforeBatch) await beforeBatch();
            while (batch.Count < maxBatchSize && queue.Reader.TryRead(out var item)) batch.Add(item);
            var refused = Commit(connection, statements, batch);
            batch.Clear();
            if (refused != StorageFaultKind.ReadOnly) continue;
            // Closed for good rather than returned to the pool, which would hand the same read-only handle back.
            SqliteConnection.ClearPool(connection);
            return true;
        }
        return false;
    }

    /// <summary>Writes and commits one batch; returns why the storage refused it, if it did.</summary>
    private StorageFaultKind? Commit(SqliteConnection connection, IGroupCommitStatements<TItem, TResult> statements, List<TItem> batch)
    {
        var results = new TResult[batch.Count];
        SqliteTransaction? transaction = null;
        try
        {
            transaction = connection.BeginTransaction(deferred: false);
            statements.Transaction = transaction;
            for (var i = 0; i < batch.Count; i++) results[i] = statements.Write(batch[i]);
            transaction.Commit();
            transaction.Dispose();
            CommittedBatches++;
        }
        catch (Exception error)
        {
            // Nothing of this batch is on disk: every caller hears so, none is acknowledged. A full or read-only disk
            // fails this batch only; the loop goes on and the next batch commits once the storage takes writes again.
            statements.Transaction = null;
            Abandon(connection, transaction);
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

    /// <summary>
    /// Ends a failed batch's transaction, whatever SQLite did with it: after a full disk or an I/O error SQLite may keep
    /// the transaction open (a failed COMMIT does) or may already have rolled it back, and then Microsoft.Data.Sqlite's
    /// own ROLLBACK throws "no transaction is active". Either way the next batch must begin on a clean connection.
    /// </summary>
    private void Abandon(SqliteConnection connection, SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Dispose();
        }
        catch (SqliteException)
        {
            // SQLite had rolled back already: nothing is left to undo.
        }
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0) return;
        try
        {
            using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
        catch (SqliteException error)
        {
            logger.LogWarning(error, "Rolling back the failed batch of the {Writer} reported an error", name);
        }
    }
}
