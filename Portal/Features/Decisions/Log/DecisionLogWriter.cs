using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// The one writer of decisions, rewards and activations, by group commit (<see cref="GroupCommitWriter{TItem,TResult}"/>):
/// callers await their write, which is acknowledged only once its batch is on disk. Before each batch, a freeze or
/// kill switch waiting for the write lock goes first (<see cref="UrgentWrites"/>).
/// </summary>
public sealed class DecisionLogWriter(
    DatabaseEngine engine,
    IOptions<DecisionLogOptions> options,
    TimeProvider clock,
    UrgentWrites urgent,
    StorageHealth health,
    ILogger<DecisionLogWriter> logger) : BackgroundService
{
    private readonly GroupCommitWriter<LogCommand, LogWriteResult> log = new("decision log writer",
        options.Value.QueueCapacity, options.Value.MaxBatchSize, Statements, logger)
    {
        BeforeBatch = urgent.YieldAsync,
        Health = health,
    };

    /// <summary>SQLite is in-process: one call per statement costs no round trip. PostgreSQL gets each batch in one.</summary>
    private static IGroupCommitStatements<LogCommand, LogWriteResult> Statements(DbConnection connection) =>
        connection is NpgsqlConnection postgres ? new PostgresLogStatements(postgres) : new LogStatements(connection);

    /// <summary>True while the writer accepts and commits writes (readiness).</summary>
    public bool IsRunning => log.IsRunning;

    public long CommittedBatches => log.CommittedBatches;

    public CommitTotals Totals => log.Totals;

    public Task<LogWriteResult> AppendAsync(DecisionRecord decision, CancellationToken ct) =>
        log.EnqueueAsync(new InsertDecision(decision, continueOnWriter: false), ct);

    /// <summary>
    /// A Rank's decision: the caller continues on the writer's thread right after the commit (see <see cref="PendingWrite{TResult}"/>).
    /// What is left of a Rank then is short and never blocks (announce it, build and send the answer); skipping the
    /// thread-pool hop cut the server's CPU per decision by ≈ 9% and raised decisions/s by ≈ 10% (bench/rank-load.sh,
    /// four alternated pairs; 5.8 instead of 4.5 decisions per commit).
    /// </summary>
    public Task<LogWriteResult> AppendForAnswerAsync(DecisionRecord decision, CancellationToken ct) =>
        log.EnqueueAsync(new InsertDecision(decision, continueOnWriter: true), ct);

    public Task<LogWriteResult> RewardAsync(string loopId, string eventId, double value, RewardAggregation aggregation, string source, CancellationToken ct) =>
        log.EnqueueAsync(new RecordReward(new RewardReceipt(loopId, eventId, value, source, clock.GetUtcNow()), aggregation), ct);

    public Task<LogWriteResult> ActivateAsync(string loopId, string eventId, CancellationToken ct) =>
        log.EnqueueAsync(new ActivateEvent(loopId, eventId, clock.GetUtcNow()), ct);

    public Task<LogWriteResult> RecordActionAsync(ActionSighting sighting, CancellationToken ct) =>
        log.EnqueueAsync(new UpsertAction(sighting), ct);

    /// <summary>
    /// Deletes, in the next commit, the actions lists stored apart that no decision names any more (their decisions past
    /// retention, erased or deleted with their loop); returns how many went.
    /// </summary>
    public async Task<int> DeleteUnusedActionListsAsync(CancellationToken ct)
    {
        var command = new DeleteUnusedActionLists();
        await log.EnqueueAsync(command, ct);
        return command.Deleted;
    }

    /// <summary>
    /// Runs another feature's write (synchronous SQL on the given connection and transaction) in the next group commit:
    /// the database keeps one writer. Completes after that commit; fails alone if the work throws.
    /// </summary>
    public Task RunInNextCommitAsync(Action<DbConnection, DbTransaction> work, CancellationToken ct) =>
        log.EnqueueAsync(new RideAlong(work), ct);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking writes, then let ExecuteAsync drain and commit what is already queued.
        log.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => log.RunAsync(engine, stoppingToken);
}
