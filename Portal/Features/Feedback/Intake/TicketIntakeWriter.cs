using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Feedback.Intake;

/// <summary>
/// The one writer of new feedback. Posts queue in a bounded channel; the writer takes what is waiting (up to
/// <see cref="MaxBatchSize"/>), stores it in one transaction (group commit: one disk flush for the batch) and completes
/// each post only after the commit, so an acknowledged ticket is on disk. Handling posts one after another on one
/// connection also decides repeats exactly: two identical posts at the same moment make one ticket with a count of two.
/// </summary>
public sealed class TicketIntakeWriter(IOptions<StorageOptions> storage, FeedbackCounters counters, ILogger<TicketIntakeWriter> logger)
    : BackgroundService
{
    public const int MaxBatchSize = 100;
    public const int QueueCapacity = 2000;

    private readonly Channel<PendingTicket> queue = Channel.CreateBounded<PendingTicket>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>True while the writer accepts and commits posts (readiness).</summary>
    public bool IsRunning { get; private set; }

    public async Task<StoredTicket> StoreAsync(PendingTicket post, CancellationToken ct)
    {
        if (!queue.Writer.TryWrite(post)) await queue.Writer.WriteAsync(post, ct);
        return await post.Completion;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Take no more posts, then let ExecuteAsync commit what is already queued.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var connection = await SqliteConnections.OpenAsync(storage.Value, stoppingToken);
            using var statements = new IntakeStatements(connection);
            IsRunning = true;
            var batch = new List<PendingTicket>(MaxBatchSize);
            while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (batch.Count < MaxBatchSize && queue.Reader.TryRead(out var post)) batch.Add(post);
                Commit(connection, statements, batch);
                batch.Clear();
                counters.Signal();
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Without the writer no feedback can be stored: refuse new posts and fail the waiting ones at once.
            logger.LogCritical(error, "The feedback intake writer stopped; no feedback can be stored until Portal restarts");
            queue.Writer.TryComplete(error);
            while (queue.Reader.TryRead(out var waiting)) waiting.Fail(error);
        }
        finally
        {
            IsRunning = false;
        }
    }

    private void Commit(Microsoft.Data.Sqlite.SqliteConnection connection, IntakeStatements statements, List<PendingTicket> batch)
    {
        var stored = new StoredTicket[batch.Count];
        try
        {
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                statements.Transaction = transaction;
                for (var i = 0; i < batch.Count; i++) stored[i] = Store(statements, batch[i]);
                transaction.Commit();
            }
        }
        catch (Exception error)
        {
            // Nothing of this batch is on disk: every sender hears so, none is acknowledged.
            logger.LogError(error, "Feedback batch of {Count} posts failed and was rolled back", batch.Count);
            foreach (var post in batch) post.Fail(error);
            return;
        }
        finally
        {
            statements.Transaction = null;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Succeed(stored[i]);
    }

    private static StoredTicket Store(IntakeStatements statements, PendingTicket post)
    {
        if (statements.FindRepeat(post) is var (repeatId, repeatReference))
        {
            var count = statements.AddSubmission(repeatId, post.ReceivedAt);
            statements.InsertLink(post.StatusTokenHash, repeatId, post.ReceivedAt);
            statements.InsertHistory(repeatId, post.ReceivedAt, TicketChange.SubmittedAgain,
                $"The same text arrived again from the same source ({count} times in total).");
            return new StoredTicket(repeatReference, Repeated: true);
        }
        string reference;
        do reference = TicketReference.New(); while (statements.ReferenceTaken(reference));
        var id = statements.InsertTicket(post, reference);
        statements.InsertContext(id, post.Decision);
        statements.InsertLink(post.StatusTokenHash, id, post.ReceivedAt);
        statements.InsertHistory(id, post.ReceivedAt, TicketChange.Submitted,
            post.Decision is null ? "Submitted." : $"Submitted about decision {post.Decision.EventId} of loop {post.Decision.LoopId}.");
        return new StoredTicket(reference, Repeated: false);
    }
}
