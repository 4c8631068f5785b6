using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// The erasures not yet finished (<see cref="PendingErasure"/>). A node takes one up with a single conditional UPDATE,
/// so two nodes never run the same one at once: the database decides.
/// </summary>
public sealed class PendingErasures(IDbContextFactory<PortalDbContext> dbFactory)
{
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

    /// <summary>Those no node holds now: left by a stop or a crash, or waiting to be run again after an error.</summary>
    public async Task<List<PendingErasure>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.AsNoTracking().Where(e => e.ClaimedUntil <= now).OrderBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Takes one up until <paramref name="until"/>; false when another node was first.</summary>
    public async Task<bool> TryClaimAsync(long id, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id && e.ClaimedUntil <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Holder, holder).SetProperty(e => e.ClaimedUntil, until), ct) == 1;
    }

    /// <summary>Keeps it while it runs; false when it is no longer this node's (it went, or another node took it up).</summary>
    public async Task<bool> RenewAsync(long id, string holder, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PendingErasures.Where(e => e.Id == id && e.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ClaimedUntil, until), ct) == 1;
    }

    /// <summary>Lets any node take it up from <paramref name="from"/> (now after a stop; later after an error, which counts).</summary>
    public async Task ReleaseAsync(long id, string holder, DateTimeOffset from, bool failed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.PendingErasures.Where(e => e.Id == id && e.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Holder, "").SetProperty(e => e.ClaimedUntil, from)
                .SetProperty(e => e.FailedRuns, e => e.FailedRuns + (failed ? 1 : 0)), ct);
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

    /// <summary>Done with (completed, cancelled by a person, or given up): the person's id and address go with it.</summary>
    public async Task RemoveAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.PendingErasures.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
    }
}
