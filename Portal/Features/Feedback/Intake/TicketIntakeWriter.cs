using Portal.Infrastructure.Persistence;

namespace Portal.Features.Feedback.Intake;

/// <summary>
/// The one writer of new feedback, by group commit (<see cref="GroupCommitWriter{TItem,TResult}"/>): posts wait in a
/// bounded queue, up to <see cref="MaxBatchSize"/> are stored in one transaction, and each is acknowledged only once on
/// disk. Handling posts one after another on one connection also decides repeats exactly: two identical posts at the
/// same moment make one ticket with a count of two (see <see cref="IntakeStatements"/>).
/// </summary>
public sealed class TicketIntakeWriter(
    DatabaseEngine engine, FeedbackCounters counters, StorageHealth health, ILogger<TicketIntakeWriter> logger)
    : BackgroundService
{
    public const int MaxBatchSize = 100;
    public const int QueueCapacity = 2000;

    // Each stored batch asks the navigation's counters for a recount.
    private readonly GroupCommitWriter<PendingTicket, StoredTicket> intake = new("feedback intake writer",
        QueueCapacity, MaxBatchSize, connection => new IntakeStatements(connection), logger)
    {
        AfterCommit = counters.RequestRecount,
        Health = health,
    };

    /// <summary>True while the writer accepts and commits posts (readiness).</summary>
    public bool IsRunning => intake.IsRunning;

    public Task<StoredTicket> StoreAsync(PendingTicket post, CancellationToken ct) => intake.EnqueueAsync(post, ct);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Take no more posts, then let ExecuteAsync commit what is already queued.
        intake.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => intake.RunAsync(engine, stoppingToken);
}
