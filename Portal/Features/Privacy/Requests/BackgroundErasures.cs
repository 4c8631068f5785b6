using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Runs data-subject erasures in the background and sees each one through: it is recorded (<see cref="PendingErasures"/>)
/// before it starts and removed only when it has completed or a person cancelled it, so neither leaving the page, nor a
/// client that hangs up, nor a restart leaves one half done. Each node takes up, at start-up and every
/// <see cref="LookEvery"/>, the erasures no node holds: those left by a stop (at once) or a crash (once the claim has
/// lapsed), and those that failed (after <see cref="RetryAfter"/>, until <see cref="MaxRuns"/> runs have failed; then it is
/// given up and waits for a person to run it again or cancel it). Every run is audited by <see cref="SubjectErasure"/>.
/// </summary>
public sealed class BackgroundErasures(SubjectErasure erasure, PendingErasures pending, DataSubjects subjects, ActorAuthorization authorization,
    SubjectAudit audit, IOptions<ClusterOptions> cluster, TimeProvider clock, ILogger<BackgroundErasures> logger) : BackgroundService
{
    /// <summary>How long a node's claim on a running erasure lasts unless renewed (a crashed node's erasure waits this long).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>Runs that may fail before the erasure is given up (each failure is audited; the last one is logged as an error).</summary>
    public const int MaxRuns = 5;

    /// <summary>How long the page lists a finished erasure of this node.</summary>
    public static readonly TimeSpan ListFinishedFor = TimeSpan.FromHours(1);

    private readonly string node = cluster.Value.ResolvedNodeId;
    // Never disposed: it holds no timer, and page tests resolve this service (and dispose it) outside the host's lifetime.
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, ErasureJob> jobs = new();

    /// <summary>Records the erasure and starts it; the returned job runs whatever the caller does next.</summary>
    /// <param name="query">A query that passed <see cref="SubjectQuery.Problem"/>.</param>
    public async Task<ErasureJob> StartAsync(SubjectQuery query, bool removeOptOuts, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.HandleDataSubjectRequests);
        var subject = subjects.Of(query);
        var now = clock.GetUtcNow();
        var row = new PendingErasure
        {
            UserId = subject.UserId,
            ContactEmail = subject.ContactEmail,
            RemoveOptOuts = removeOptOuts && subject.UserId is not null,
            RequestedById = actor.UserId,
            RequestedByName = actor.Name,
            RequestedAt = now,
            Holder = node,
            ClaimedUntil = now + ClaimFor,
        };
        await pending.AddAsync(row, ct);
        return Run(row, actor);
    }

    /// <summary>This node's erasures: running, and finished within <see cref="ListFinishedFor"/>; oldest first.</summary>
    public IReadOnlyList<ErasureJob> Jobs
    {
        get
        {
            var listedSince = clock.GetUtcNow() - ListFinishedFor;
            foreach (var (id, job) in jobs)
                if (job.FinishedAt < listedSince) jobs.TryRemove(id, out _);
            return [.. jobs.Values.OrderBy(j => j.StartedAt).ThenBy(j => j.Id)];
        }
    }

    /// <summary>
    /// Stops an erasure from any node: this node's at its next batch; one waiting to be taken up at once (audited as
    /// cancelled: it will not run again); one another node runs at that node's next renewal (within <see cref="RenewEvery"/>).
    /// Returns what happened.
    /// </summary>
    public async Task<ErasureControl> CancelAsync(long id, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.HandleDataSubjectRequests);
        if (jobs.TryGetValue(id, out var job) && job.FinishedAt is null)
        {
            job.Cancel();
            return ErasureControl.Done("Stopping after the current batch.");
        }
        if (await pending.FindAsync(id, ct) is not { } row) return ErasureControl.NotFound("It has finished already.");
        if (await pending.TryRemoveWaitingAsync(id, clock.GetUtcNow(), ct))
        {
            await audit.RecordAsync(actor, SubjectAudit.EraseAction, subjects.Of(QueryOf(row)),
                new { outcome = ErasureOutcome.Cancelled, erased = new Dictionary<string, long>(), optOuts = "kept", cancelledWhile = "waiting" }, CancellationToken.None);
            return ErasureControl.Done("Cancelled: it will not run again.");
        }
        await pending.RequestCancelAsync(id, actor.Name, ct);
        return ErasureControl.Done($"Asked {row.Holder} to stop it: it stops within {RenewEvery.TotalSeconds:0} seconds, after its current batch.");
    }

    /// <summary>
    /// A person runs a given-up erasure again, once its cause is mended: it starts on this node at once (unless another
    /// node takes it up first), with a fresh count of <see cref="MaxRuns"/> runs. The request is audited in this person's
    /// name, the run itself, like every run, in the name of whoever asked for the erasure. Returns what happened.
    /// </summary>
    public async Task<ErasureControl> RunAgainAsync(long id, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.HandleDataSubjectRequests);
        if (await pending.FindAsync(id, ct) is not { } row) return ErasureControl.NotFound("It has finished or was cancelled: nothing to run again.");
        if (row.GivenUpAt is null || !await pending.TryRunAgainAsync(id, clock.GetUtcNow(), ct))
            return ErasureControl.Refused($"It is not given up: it runs again by itself ({row.FailedRuns} of {MaxRuns} runs failed so far).");
        logger.LogInformation("Erasure {Id} is run again at the request of {Actor}", id, actor.Name);
        await audit.RecordAsync(actor, SubjectAudit.RunAgainAction, subjects.Of(QueryOf(row)),
            new { failedRuns = row.FailedRuns, lastError = row.LastError, askedForBy = row.RequestedByName }, CancellationToken.None);
        await TakeUpDueAsync(ct);
        return ErasureControl.Done(jobs.TryGetValue(id, out var job) && job.FinishedAt is null ? "Running again." : "Due again: a node takes it up shortly.");
    }

    /// <summary>Takes up the erasures no node holds (see the class); returns how many this node took.</summary>
    public async Task<int> TakeUpDueAsync(CancellationToken ct)
    {
        var taken = 0;
        foreach (var row in await pending.DueAsync(clock.GetUtcNow(), ct))
        {
            if (jobs.TryGetValue(row.Id, out var job) && job.FinishedAt is null) continue;
            if (QueryOf(row).Problem() is { } problem)
            {
                // Recorded by an older version under other rules, or edited by hand: it can never run.
                logger.LogError("Erasure {Id}, asked for by {Actor}, cannot run and is dropped: {Problem}", row.Id, row.RequestedByName, problem);
                await pending.RemoveAsync(row.Id, ct);
                continue;
            }
            var now = clock.GetUtcNow();
            if (!await pending.TryClaimAsync(row.Id, node, now, now + ClaimFor, ct)) continue;
            logger.LogInformation("Taking up erasure {Id}, asked for by {Actor} at {RequestedAt:u} ({FailedRuns} failed runs so far)",
                row.Id, row.RequestedByName, row.RequestedAt, row.FailedRuns);
            // The person's right was checked when they asked; the audit entry names them.
            Run(row, Actor.OnBehalfOf(row.RequestedById, row.RequestedByName));
            taken++;
        }
        return taken;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LookEvery, clock);
        do
        {
            try
            {
                await TakeUpDueAsync(stoppingToken);
            }
            // Only the host's stop ends the loop: a failed look (a timeout included) must not stop the host with it.
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Looking for erasures to take up failed; looking again in {Interval}", LookEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Running erasures stop between two batches and stay recorded, to be taken up again at once by any node.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // At once, not through CancelAsync: each running erasure sees it at its next batch.
        stopping.Cancel();
        await base.StopAsync(cancellationToken);
        var running = jobs.Values.Where(j => j.FinishedAt is null).Select(j => (Task)j.Completion);
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failed run was logged and recorded where it happened.
        }
    }

    private ErasureJob Run(PendingErasure row, Actor actor)
    {
        var job = new ErasureJob(row.Id, subjects.Of(QueryOf(row)), actor.Name, clock.GetUtcNow(), stopping.Token);
        jobs[row.Id] = job;
        job.Start(() => RunAsync(job, row, actor), clock);
        return job;
    }

    private async Task<ErasureResult> RunAsync(ErasureJob job, PendingErasure row, Actor actor)
    {
        ErasureResult result;
        try
        {
            result = await EraseClaimedAsync(job, row, actor);
        }
        catch (Exception error)
        {
            job.RunsAgain = await SettleFailedAsync(row, error);
            throw;
        }
        if (result.Outcome == ErasureOutcome.Cancelled && !job.CancelRequested)
            await pending.ReleaseAsync(row.Id, node, clock.GetUtcNow(), CancellationToken.None);
        else
            await pending.RemoveAsync(row.Id, CancellationToken.None);
        return result;
    }

    /// <summary>The erasure, with this node's claim on it kept until it ends (then no longer renewed, whatever the outcome).</summary>
    private async Task<ErasureResult> EraseClaimedAsync(ErasureJob job, PendingErasure row, Actor actor)
    {
        using var running = new CancellationTokenSource();
        var claim = KeepClaimAsync(job, running.Token);
        try
        {
            return await erasure.EraseAsync(QueryOf(row), row.RemoveOptOuts, actor, job, job.Token);
        }
        finally
        {
            await running.CancelAsync();
            await claim;
        }
    }

    private static SubjectQuery QueryOf(PendingErasure row) => new(row.UserId, row.ContactEmail);

    /// <summary>
    /// Records a failed run; true when the erasure will be run again by itself. Given up, it stays recorded for a person
    /// to run again (<see cref="RunAgainAsync"/>) or cancel: the erasure is still owed.
    /// </summary>
    private async Task<bool> SettleFailedAsync(PendingErasure row, Exception error)
    {
        var now = clock.GetUtcNow();
        var givenUp = row.FailedRuns + 1 >= MaxRuns;
        if (givenUp)
            logger.LogError(error, "Erasure {Id}, asked for by {Actor}, failed {Runs} times and is given up: run it again from the data-subject requests page once the cause is mended",
                row.Id, row.RequestedByName, MaxRuns);
        else
            logger.LogWarning(error, "Erasure {Id} failed; it is taken up again in {RetryAfter}", row.Id, RetryAfter);
        await pending.RecordFailureAsync(row.Id, node, error, now, givenUp ? null : now + RetryAfter, CancellationToken.None);
        return !givenUp;
    }

    /// <summary>
    /// Renews this node's claim while the erasure runs, so no other node takes it up meanwhile, and stops it when a
    /// person asked to from another node.
    /// </summary>
    private async Task KeepClaimAsync(ErasureJob job, CancellationToken ct)
    {
        var id = job.Id;
        using var timer = new PeriodicTimer(RenewEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    var now = clock.GetUtcNow();
                    if (!await pending.RenewAsync(id, node, now, now + ClaimFor, job.Progress, ct))
                        logger.LogWarning("Erasure {Id} is no longer this node's to run", id);
                    if (await pending.CancelRequestedByAsync(id, ct) is { } by)
                    {
                        logger.LogInformation("Erasure {Id} is stopped at the request of {Actor} on another node", id, by);
                        job.Cancel();
                    }
                }
                catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning(error, "Renewing the claim on erasure {Id} failed; trying again in {Interval}", id, RenewEvery);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
