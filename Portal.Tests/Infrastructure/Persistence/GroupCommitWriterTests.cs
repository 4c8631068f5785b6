using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// The group-commit loop on its own, against a scratch SQLite file. Writes are queued before the loop starts, so which
/// writes share a batch is known without waiting on timing.
/// </summary>
public sealed class GroupCommitWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-group-commit-").FullName;
    private readonly StorageOptions storage;
    private int afterCommitCalls;
    private int connectionsOpened;
    private readonly TaskCompletionSource connectionClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GroupCommitWriterTests() => storage = new StorageOptions { DataDirectory = folder };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Writes_waiting_together_share_commits_of_at_most_the_batch_size_and_each_caller_gets_its_own_result()
    {
        var writer = Writer(maxBatchSize: 100);
        var writes = Enumerable.Range(0, 250).Select(i => writer.EnqueueAsync(new Probe(i), CancellationToken.None)).ToList();

        var run = writer.RunAsync(Engine(storage), CancellationToken.None);
        var results = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 250), results.Select(r => r.Value));
        Assert.Equal([100, 100, 50], results.GroupBy(r => r.Batch).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(3, writer.CommittedBatches);
        Assert.Equal(3, afterCommitCalls);
        Assert.Equal(250, StoredRows());
        await StopAsync(writer, run);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Only_a_write_that_asks_to_continue_on_the_writer_has_its_caller_resumed_before_the_writer_goes_on(bool continueOnWriter)
    {
        var writer = Writer(maxBatchSize: 100);
        var (resumed, told) = (new ManualResetEventSlim(), new ManualResetEventSlim());
        bool? resumedWhenTold = null;
        var write = new Probe(1, continueOnWriter: continueOnWriter) { Told = () => { resumedWhenTold = resumed.IsSet; told.Set(); } };
        async Task CallerAsync()
        {
            await writer.EnqueueAsync(write, CancellationToken.None).ConfigureAwait(false);
            // Resumed elsewhere, the caller waits until the writer has told it (else it could race the writer's check).
            if (!continueOnWriter) told.Wait(TimeSpan.FromSeconds(30));
            resumed.Set();
        }

        // On the thread pool, as in the service (the test framework's context would have the caller posted back to it).
        var calling = Task.Run(CallerAsync);
        var run = Task.Run(() => writer.RunAsync(Engine(storage), CancellationToken.None));
        await calling;

        Assert.True(told.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(continueOnWriter, resumedWhenTold);
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task Batches_are_written_and_flushed_on_the_writers_own_thread_never_on_a_thread_pool_worker_that_serves_requests()
    {
        var writer = Writer(maxBatchSize: 10);
        var queued = Enumerable.Range(0, 25).Select(i => writer.EnqueueAsync(new Probe(i), CancellationToken.None)).ToList();

        // Started from the thread pool, as the host starts it.
        var run = Task.Run(() => writer.RunAsync(Engine(storage), CancellationToken.None));
        var first = await Task.WhenAll(queued);
        // One more once the writer has gone back to waiting for writes.
        var written = first.Append(await writer.EnqueueAsync(new Probe(25), CancellationToken.None)).ToList();

        Assert.Equal(26, written.Count);
        Assert.All(written, w => Assert.False(w.OnThreadPool));
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task An_idle_writer_holds_no_connection_while_the_storage_is_read_only_and_opens_one_when_writes_arrive()
    {
        // SQLite keeps a file's shared-memory index read-only until every connection to it has closed: one idle writer
        // holding its connection kept Rank refused after the disk was writable again, until a restart.
        var health = new StorageHealth(TimeProvider.System);
        var writer = Writer(maxBatchSize: 10, health: health);
        var run = Task.Run(() => writer.RunAsync(Engine(storage), CancellationToken.None));
        await Task.Delay(200);
        var openedBeforeAnyWrite = connectionsOpened;

        await writer.EnqueueAsync(new Probe(1), CancellationToken.None);
        health.Report(new SqliteException("attempt to write a readonly database", 8));
        var letGo = await Task.WhenAny(connectionClosed.Task, Task.Delay(TimeSpan.FromSeconds(30))) == connectionClosed.Task;
        health.Clear();
        var second = await writer.EnqueueAsync(new Probe(2), CancellationToken.None);

        Assert.Equal(0, openedBeforeAnyWrite);
        Assert.True(letGo);
        Assert.Equal(2, connectionsOpened);
        Assert.Equal(2, second.Value);
        Assert.Equal(2, StoredRows());
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task Totals_count_committed_batches_and_writes_and_the_time_spent_committing_them_but_not_failed_batches()
    {
        var writer = Writer(maxBatchSize: 100);
        var committed = Enumerable.Range(0, 150).Select(i => writer.EnqueueAsync(new Probe(i), CancellationToken.None)).ToList();
        var run = writer.RunAsync(Engine(storage), CancellationToken.None);
        await Task.WhenAll(committed);
        // Every one of them fails, however the running writer happens to batch them.
        var failed = Enumerable.Range(0, 3).Select(i => writer.EnqueueAsync(new Probe(200 + i, Trouble.Throws), CancellationToken.None)).ToList();
        foreach (var write in failed) await Assert.ThrowsAsync<InvalidOperationException>(() => write);

        var totals = writer.Totals;

        Assert.Equal(2, totals.Batches);
        Assert.Equal(150, totals.Writes);
        Assert.True(totals.Committing > TimeSpan.Zero, "each commit waits for the disk");
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task Writes_arriving_while_the_owner_holds_the_next_batch_back_join_that_batch()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Writer(maxBatchSize: 100, beforeBatch: () => gate.Task);
        var run = writer.RunAsync(Engine(storage), CancellationToken.None);

        var writes = Enumerable.Range(0, 10).Select(i => writer.EnqueueAsync(new Probe(i), CancellationToken.None)).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(writes), r => Assert.Equal(1, r.Batch));
        Assert.Equal(1, writer.CommittedBatches);
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task A_write_that_throws_fails_every_write_of_its_batch_and_the_next_batch_commits()
    {
        var writer = Writer(maxBatchSize: 100);
        var batch = Enumerable.Range(0, 5)
            .Select(i => writer.EnqueueAsync(new Probe(i, i == 2 ? Trouble.Throws : Trouble.None), CancellationToken.None)).ToList();
        var run = writer.RunAsync(Engine(storage), CancellationToken.None);

        foreach (var write in batch)
            Assert.Equal("write 2 failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => write)).Message);
        var later = await writer.EnqueueAsync(new Probe(7), CancellationToken.None);

        Assert.Equal(7, later.Value);
        Assert.Equal(1, StoredRows());
        Assert.Equal(1, writer.CommittedBatches);
        Assert.Equal(1, afterCommitCalls);
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task A_write_that_fails_itself_after_the_commit_fails_alone()
    {
        var writer = Writer(maxBatchSize: 100);
        var writes = Enumerable.Range(0, 5)
            .Select(i => writer.EnqueueAsync(new Probe(i, i == 3 ? Trouble.FailsAlone : Trouble.None), CancellationToken.None)).ToList();
        var run = writer.RunAsync(Engine(storage), CancellationToken.None);

        Assert.Equal("write 3 failed alone", (await Assert.ThrowsAsync<InvalidOperationException>(() => writes[3])).Message);
        Assert.Equal([0, 1, 2, 4], (await Task.WhenAll(writes.Where((_, i) => i != 3))).Select(r => r.Value));
        Assert.Equal(1, writer.CommittedBatches);
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task When_the_commit_fails_the_batch_fails_nothing_of_it_is_stored_and_the_writer_goes_on()
    {
        var writer = Writer(maxBatchSize: 100);
        var batch = Enumerable.Range(0, 4)
            .Select(i => writer.EnqueueAsync(new Probe(i, i == 1 ? Trouble.BreaksCommit : Trouble.None), CancellationToken.None)).ToList();
        var run = writer.RunAsync(Engine(storage), CancellationToken.None);

        foreach (var write in batch) await Assert.ThrowsAsync<SqliteException>(() => write);
        var later = await writer.EnqueueAsync(new Probe(8), CancellationToken.None);

        Assert.Equal(8, later.Value);
        Assert.True(writer.IsRunning);
        Assert.Equal(1, StoredRows());
        Assert.Equal(1, writer.CommittedBatches);
        Assert.Equal(1, afterCommitCalls);
        await StopAsync(writer, run);
    }

    [Fact]
    public async Task Stopping_commits_every_write_already_accepted_and_refuses_new_ones()
    {
        var batchDue = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Writer(maxBatchSize: 100, beforeBatch: () =>
        {
            batchDue.TrySetResult();
            return gate.Task;
        });
        using var stopping = new CancellationTokenSource();
        var run = writer.RunAsync(Engine(storage), stopping.Token);
        var accepted = Enumerable.Range(0, 250).Select(i => writer.EnqueueAsync(new Probe(i), CancellationToken.None)).ToList();
        await batchDue.Task;

        // What a host's stop does: no more writes, then the stopping token fires.
        writer.Complete();
        await stopping.CancelAsync();
        gate.SetResult();
        await run;

        Assert.Equal(Enumerable.Range(0, 250), (await Task.WhenAll(accepted)).Select(r => r.Value));
        Assert.Equal(250, StoredRows());
        Assert.False(writer.IsRunning);
        await Assert.ThrowsAsync<ChannelClosedException>(() => writer.EnqueueAsync(new Probe(250), CancellationToken.None));
    }

    [Fact]
    public async Task When_the_database_cannot_be_opened_waiting_writes_fail_and_new_ones_are_refused()
    {
        var notAFolder = Path.Combine(folder, "a-file");
        File.WriteAllText(notAFolder, "");
        var writer = Writer(maxBatchSize: 100);
        var waiting = writer.EnqueueAsync(new Probe(0), CancellationToken.None);

        await writer.RunAsync(Engine(new StorageOptions { DataDirectory = notAFolder }), CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(() => waiting);
        Assert.False(writer.IsRunning);
        await Assert.ThrowsAsync<ChannelClosedException>(() => writer.EnqueueAsync(new Probe(1), CancellationToken.None));
    }

    private static SqliteEngine Engine(StorageOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), new SqlitePragmaInterceptor(), NullLoggerFactory.Instance, new Microsoft.Extensions.DependencyInjection.ServiceCollection().BuildServiceProvider());

    private GroupCommitWriter<Probe, Written> Writer(int maxBatchSize, Func<Task>? beforeBatch = null, StorageHealth? health = null) =>
        new("test writer", queueCapacity: 1_000, maxBatchSize, Prepare, NullLogger.Instance)
        {
            BeforeBatch = beforeBatch,
            AfterCommit = () => afterCommitCalls++,
            Health = health,
        };

    /// <summary>The writer prepares its statements on each connection it opens, and disposes them when it closes it.</summary>
    private ProbeStatements Prepare(System.Data.Common.DbConnection connection)
    {
        Interlocked.Increment(ref connectionsOpened);
        return new ProbeStatements((SqliteConnection)connection) { Closed = () => connectionClosed.TrySetResult() };
    }

    private static async Task StopAsync(GroupCommitWriter<Probe, Written> writer, Task run)
    {
        writer.Complete();
        await run;
    }

    private long StoredRows()
    {
        using var connection = new SqliteConnection(SqliteConnections.ConnectionString(storage));
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Probes";
        return (long)count.ExecuteScalar()!;
    }

    private enum Trouble { None, Throws, BreaksCommit, FailsAlone }

    /// <summary>Which write it was, and in which of the writer's transactions (1, 2, …) it was written.</summary>
    private sealed record Written(int Value, int Batch, bool OnThreadPool = false);

    private sealed class Probe(int value, Trouble trouble = Trouble.None, bool continueOnWriter = false) : PendingWrite<Written>(continueOnWriter)
    {
        public int Value => value;
        public Trouble Trouble => trouble;

        /// <summary>Called by the writer once it has told this write's caller.</summary>
        public Action? Told { get; init; }

        public override void Succeed(Written result)
        {
            if (trouble == Trouble.FailsAlone) Fail(new InvalidOperationException($"write {value} failed alone"));
            else base.Succeed(result);
            Told?.Invoke();
        }
    }

    /// <summary>One row per write; a row naming a missing parent passes its INSERT but fails the COMMIT (deferred key).</summary>
    private sealed class ProbeStatements : IGroupCommitStatements<Probe, Written>
    {
        private readonly SqliteCommand insert;
        private int batches;

        public ProbeStatements(SqliteConnection connection)
        {
            using (var schema = connection.CreateCommand())
            {
                schema.CommandText = """
                    CREATE TABLE IF NOT EXISTS Parents (Id INTEGER PRIMARY KEY);
                    CREATE TABLE IF NOT EXISTS Probes (Value INTEGER NOT NULL,
                        ParentId INTEGER REFERENCES Parents (Id) DEFERRABLE INITIALLY DEFERRED);
                    """;
                schema.ExecuteNonQuery();
            }
            insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Probes (Value, ParentId) VALUES ($value, $parent)";
            insert.Parameters.Add(new SqliteParameter { ParameterName = "$value" });
            insert.Parameters.Add(new SqliteParameter { ParameterName = "$parent" });
        }

        public System.Data.Common.DbTransaction? Transaction
        {
            set
            {
                if (value is not null) batches++;
                insert.Transaction = (SqliteTransaction?)value;
            }
        }

        public Written Write(Probe item)
        {
            if (item.Trouble == Trouble.Throws) throw new InvalidOperationException($"write {item.Value} failed");
            insert.Parameters[0].Value = item.Value;
            insert.Parameters[1].Value = item.Trouble == Trouble.BreaksCommit ? 404 : DBNull.Value;
            insert.ExecuteNonQuery();
            return new Written(item.Value, batches, Thread.CurrentThread.IsThreadPoolThread);
        }

        public Action? Closed { get; init; }

        public void Dispose()
        {
            insert.Dispose();
            Closed?.Invoke();
        }
    }
}
