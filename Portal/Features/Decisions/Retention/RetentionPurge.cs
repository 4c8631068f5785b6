using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Decisions.Log;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Decisions.Retention;

/// <summary>
/// Removes, per loop, everything past its log retention (logRetentionDays; -1 keeps everything): its decisions, then
/// what other features keep of them (<see cref="IExpiringData"/>). Batch by batch, each in one of the decision log
/// writer's commits: under load that writer holds SQLite's write lock almost all the time, and a second writer would
/// make Rank wait for it. Between batches the purge rests in proportion to the work just done (at most MaxBusyShare of
/// the time). One audit entry per loop and run says how many rows of each kind went. Then the actions lists no decision
/// names any more go (stored once for many decisions, they belong to no one loop).
/// </summary>
public sealed class RetentionPurge(
    LoopDirectory loops,
    ExpiredDecisions decisions,
    IEnumerable<IExpiringData> derived,
    DecisionLogWriter log,
    IDbContextFactory<PortalDbContext> dbFactory,
    AuditTrail audit,
    IOptions<LogRetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionPurge> logger)
{
    public const string AuditAction = "loop.logs.retention";

    // One purge at a time: two would count each other's rows.
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Every loop in turn; a loop that fails is logged and tried again on the next run.</summary>
    public async Task<IReadOnlyDictionary<string, PurgedRows>> PurgeAsync(CancellationToken ct)
    {
        var removed = new Dictionary<string, PurgedRows>(StringComparer.Ordinal);
        foreach (var loop in loops.All)
        {
            try
            {
                removed[loop.Id] = await PurgeLoopAsync(loop, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Log retention of loop {Loop} failed; it runs again with the next purge", loop.Id);
            }
        }
        await DeleteUnusedActionListsAsync(ct);
        return removed;
    }

    private async Task DeleteUnusedActionListsAsync(CancellationToken ct)
    {
        try
        {
            var lists = await log.DeleteUnusedActionListsAsync(ct);
            if (lists > 0) logger.LogInformation("Log retention deleted {Count} actions lists no decision names any more", lists);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Deleting the actions lists no decision names failed; it runs again with the next purge");
        }
    }

    public async Task<PurgedRows> PurgeLoopAsync(LoopRuntime loop, CancellationToken ct)
    {
        var days = loop.Settings.LogRetentionDays;
        if (days <= 0) return new PurgedRows();
        await gate.WaitAsync(ct);
        try
        {
            var cutoff = clock.GetUtcNow().AddDays(-days);
            var removed = new PurgedRows();
            try
            {
                // The decisions first: an aggregator running meanwhile then finds them gone rather than adding them again.
                foreach (var data in derived.Prepend(decisions)) await RunAsync(data.ExpiredAsync(loop.Id, cutoff, options.Value.BatchSize, ct), removed, ct);
            }
            finally
            {
                // After a failure too: what did go is on record.
                if (removed.Total > 0) await AuditAsync(loop.Id, days, cutoff, removed);
            }
            return removed;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunAsync(IAsyncEnumerable<PurgeBatch> batches, PurgedRows removed, CancellationToken ct)
    {
        var share = options.Value.MaxBusyShare;
        await using var next = batches.GetAsyncEnumerator(ct);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            if (!await next.MoveNextAsync()) return;
            var batch = next.Current;
            var counted = new PurgedRows();
            await log.RunInNextCommitAsync((connection, transaction) => batch(connection, transaction, counted), ct);
            removed.Add(counted);
            // Rest in proportion to the work just done (finding the batch, then its commit): at most `share` of the time.
            if (share < 1) await Task.Delay(Stopwatch.GetElapsedTime(started) * ((1 - share) / share), clock, ct);
        }
    }

    private async Task AuditAsync(string loopId, int days, DateTimeOffset cutoff, PurgedRows removed)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await audit.AppendAsync(db, Actor.System, new AuditRecord(AuditAction, "loop", loopId, loopId,
            Before: AuditRecord.Json(removed.ByKind),
            After: AuditRecord.Json(new { logRetentionDays = days, keptFrom = cutoff })), CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
