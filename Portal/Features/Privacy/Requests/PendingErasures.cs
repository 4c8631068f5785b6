using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// The erasures not yet finished (<see cref="PendingErasure"/>). A node takes one up with a single conditional UPDATE,
/// so two nodes never run the same one at once: the database decides.
/// </summary>
public sealed class PendingErasures(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Given up (waits for a person), running (a node holds an unexpired claim), or waiting to be taken up.</summary>
    public static PendingErasureState StateOf(PendingErasure row, DateTimeOffset now) =>
        row.GivenUpAt is not null ? PendingErasureState.GivenUp
        : row.Holder.Length > 0 && row.ClaimedUntil > now ? PendingErasureState.Running
        : PendingErasureState.Waiting;

    public async Task AddAsync(PendingErasure erasure, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.PendingErasures.Add(erasure);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every erasure not finished yet, whichever node runs it, oldest first (for the page).</summary>
    public async Task<List<PendingErasure>> AllAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>How many erasures are given up and wait for a person (the navigation's badge, <c>/health/ready</c>).</summary>
    public async Task<int> GivenUpCountAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.CountAsync(e => e.GivenUpAt != null, ct);
    }

    /// <summary>Those no node holds now: left by a stop or a crash, or waiting to be run again after an error (not given up).</summary>
    public async Task<List<PendingErasure>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.AsNoTracking().Where(e => e.GivenUpAt == null && e.ClaimedUntil <= now).OrderBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Takes one up until <paramref name="until"/>; false when another node was first.</summary>
    public async Task<bool> TryClaimAsync(long id, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id && e.ClaimedUntil <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Holder, holder).SetProperty(e => e.ClaimedUntil, until)
                .SetProperty(e => e.ProgressStep, (string?)null).SetProperty(e => e.ProgressDone, (double?)null).SetProperty(e => e.ProgressAt, (DateTimeOffset?)null), ct) == 1;
    }

    /// <summary>
    /// Keeps it while it runs, with how far it got for other nodes' pages; false when it is no longer this node's (it
    /// went, or another node took it up).
    /// </summary>
    public async Task<bool> RenewAsync(long id, string holder, DateTimeOffset now, DateTimeOffset until, RequestProgress? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id && e.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ClaimedUntil, until).SetProperty(e => e.ProgressStep, progress == null ? null : progress.Step)
                .SetProperty(e => e.ProgressDone, progress == null ? null : progress.Done).SetProperty(e => e.ProgressAt, now), ct) == 1;
    }

    /// <summary>Lets any node take it up at once (after a stop).</summary>
    public async Task ReleaseAsync(long id, string holder, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.PendingErasures.Where(e => e.Id == id && e.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Holder, "").SetProperty(e => e.ClaimedUntil, now), ct);
    }

    /// <summary>
    /// Records a failed run and lets any node run it again from <paramref name="retryFrom"/>, or, given up (null), only
    /// once a person asks (<see cref="TryRunAgainAsync"/>).
    /// </summary>
    public async Task RecordFailureAsync(long id, string holder, Exception error, DateTimeOffset now, DateTimeOffset? retryFrom, CancellationToken ct)
    {
        var message = error.Message.Length <= PendingErasureConfiguration.LastErrorMaxLength
            ? error.Message : error.Message[..(PendingErasureConfiguration.LastErrorMaxLength - 1)] + "…";
        DateTimeOffset? givenUpAt = retryFrom is null ? now : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.PendingErasures.Where(e => e.Id == id && e.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Holder, "").SetProperty(e => e.ClaimedUntil, retryFrom ?? now)
                .SetProperty(e => e.FailedRuns, e => e.FailedRuns + 1).SetProperty(e => e.LastError, message)
                .SetProperty(e => e.GivenUpAt, givenUpAt), ct);
    }

    /// <summary>A given-up erasure, due again at once with a fresh count of runs; false when it is not given up (or gone).</summary>
    public async Task<bool> TryRunAgainAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id && e.GivenUpAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.GivenUpAt, (DateTimeOffset?)null).SetProperty(e => e.FailedRuns, 0)
                .SetProperty(e => e.ClaimedUntil, now), ct) == 1;
    }

    public async Task<PendingErasure?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
    }

    /// <summary>Asks the node running it to stop it (it looks at its next renewal); false when it is gone.</summary>
    public async Task<bool> RequestCancelAsync(long id, string by, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id).ExecuteUpdateAsync(set => set.SetProperty(e => e.CancelRequestedBy, by), ct) == 1;
    }

    /// <summary>Who asked to stop it, when someone did; read by the node running it at each renewal.</summary>
    public async Task<string?> CancelRequestedByAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id).Select(e => e.CancelRequestedBy).SingleOrDefaultAsync(ct);
    }

    /// <summary>Removes it if no node runs it now (waiting to be taken up or to run again); false when one does or it is gone.</summary>
    public async Task<bool> TryRemoveWaitingAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id && (e.Holder == "" || e.ClaimedUntil <= now)).ExecuteDeleteAsync(ct) == 1;
    }

    /// <summary>Done with (completed, or cancelled by a person): the person's id and address go with it.</summary>
    public async Task RemoveAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.PendingErasures.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
    }
}

public enum PendingErasureState { Running, Waiting, GivenUp }
