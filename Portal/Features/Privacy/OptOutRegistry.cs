using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy;

/// <summary>
/// Who opted out of personalization, per loop, as keyed hashes of user ids (<see cref="UserIds"/>). The database holds
/// the registry; this keeps a copy in memory that Rank reads without locks or I/O. A change is stored first and then
/// applied here, so the next Rank obeys it and a restart forgets nothing. With several nodes the change is stamped and
/// announced (<see cref="SharedStateChanges"/>): after an opt-out the other nodes read only the rows added since the last
/// they applied (<see cref="CatchUpAsync"/>); after a removal (an opt-in, an erasure) they load the registry whole again.
/// Additions stamp their topic before they insert, so the version row's lock orders them: rows become visible in the
/// order of their ids, and a node that read up to one id has seen every row below it.
/// </summary>
public sealed class OptOutRegistry(IDbContextFactory<PortalDbContext> dbFactory, UrgentWrites urgent, UserIds userIds,
    ActorAuthorization authorization, TimeProvider clock, IEnumerable<IForgetOnOptOut> followers, SharedStateChanges cluster) : ISharedState
{
    private volatile ConcurrentDictionary<string, ConcurrentDictionary<UInt128, DateTimeOffset>> loops = new(StringComparer.Ordinal);
    // One load or catch-up at a time: each moves the id read up to.
    private readonly SemaphoreSlim reading = new(1, 1);
    private long readUpTo;

    public SharedTopic Topic => SharedTopic.OptOuts;

    /// <summary>How many times the registry was loaded whole (start-up, removals on other nodes): a figure for tests.</summary>
    internal int FullLoads { get; private set; }

    /// <summary>Whether anyone opted out in the loop: when not, Rank need not hash the user id at all.</summary>
    public bool HasAny(string loopId) => loops.TryGetValue(loopId, out var users) && !users.IsEmpty;

    public bool Contains(string loopId, UInt128 userHash) => loops.TryGetValue(loopId, out var users) && users.ContainsKey(userHash);

    /// <summary>When the user opted out in the loop, or null.</summary>
    public DateTimeOffset? OptedOutAt(string loopId, string userId) =>
        loops.TryGetValue(loopId, out var users) && users.TryGetValue(userIds.Hash(userId), out var at) ? at : null;

    /// <summary>Reads the whole registry and swaps it in at once: Rank never sees it half-loaded.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        await ReadAsync(whole: true, ct);
        FullLoads++;
    }

    /// <summary>Adds the opt-outs stored (by any node) since the last row read: what another node's opt-out needs.</summary>
    public Task CatchUpAsync(CancellationToken ct) => ReadAsync(whole: false, ct);

    /// <summary>The rows after the last one read (all of them, into a fresh copy swapped in at the end, when whole).</summary>
    private async Task ReadAsync(bool whole, CancellationToken ct)
    {
        await reading.WaitAsync(ct);
        try
        {
            var after = whole ? 0 : readUpTo;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.OptOuts.AsNoTracking().Where(o => o.Id > after).OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.LoopId, o.UserHash, o.OptedOutAt }).ToListAsync(ct);
            var into = whole ? new ConcurrentDictionary<string, ConcurrentDictionary<UInt128, DateTimeOffset>>(StringComparer.Ordinal) : loops;
            foreach (var row in rows) into.GetOrAdd(row.LoopId, _ => new())[UserIds.FromHex(row.UserHash)] = row.OptedOutAt;
            loops = into;
            readUpTo = rows.Count > 0 ? rows[^1].Id : after;
        }
        finally
        {
            reading.Release();
        }
    }

    Task ISharedState.ReloadAsync(CancellationToken ct) => CatchUpAsync(ct);

    /// <summary>The registry's second topic: removals, after which it is loaded whole.</summary>
    internal sealed class Removals(OptOutRegistry registry) : ISharedState
    {
        public SharedTopic Topic => SharedTopic.OptOutRemovals;

        public Task ReloadAsync(CancellationToken ct) => registry.LoadAsync(ct);
    }

    /// <summary>Records the opt-out (again is fine: the first time stands). The loop key of the loop, or a loop manager, may.</summary>
    public async Task<DateTimeOffset> OptOutAsync(string loopId, string userId, OptOutSource source, Actor actor, CancellationToken ct)
    {
        await DemandAsync(actor, source, loopId);
        var hash = userIds.Hash(userId);
        var hex = UserIds.ToHex(hash);
        if (loops.TryGetValue(loopId, out var known) && known.TryGetValue(hash, out var since))
        {
            await ForgetAsync(loopId, hex, ct);
            return since;
        }

        var now = await StoreAsync(SharedTopic.OptOuts, async db =>
        {
            var existing = await db.OptOuts.AsNoTracking().Where(o => o.LoopId == loopId && o.UserHash == hex).Select(o => (DateTimeOffset?)o.OptedOutAt).FirstOrDefaultAsync(ct);
            if (existing is { } earlier) return earlier;
            var at = clock.GetUtcNow();
            db.OptOuts.Add(new OptOut { LoopId = loopId, UserHash = hex, OptedOutAt = at, Source = source });
            await db.SaveChangesAsync(ct);
            return at;
        }, ct);
        UsersOf(loopId)[hash] = now;
        cluster.Announce();
        await ForgetAsync(loopId, hex, ct);
        return now;
    }

    /// <summary>What other features keep about the user's decisions in the loop goes once the opt-out is stored (again on a repeat).</summary>
    private async Task ForgetAsync(string loopId, string userHash, CancellationToken ct)
    {
        foreach (var follower in followers) await follower.ForgetAsync(loopId, userHash, ct);
    }

    /// <summary>Removes the opt-out; false when there was none.</summary>
    public async Task<bool> OptInAsync(string loopId, string userId, OptOutSource source, Actor actor, CancellationToken ct)
    {
        await DemandAsync(actor, source, loopId);
        var hash = userIds.Hash(userId);
        var hex = UserIds.ToHex(hash);
        var removed = await DeleteAsync(o => o.LoopId == loopId && o.UserHash == hex, ct);
        if (loops.TryGetValue(loopId, out var users)) users.TryRemove(hash, out _);
        cluster.Announce();
        return removed > 0;
    }

    /// <summary>The registry's rows about the user in every loop (a data-subject request's count and export).</summary>
    public async Task<IReadOnlyList<OptOut>> EntriesOfAsync(string userId, CancellationToken ct)
    {
        var hex = UserIds.ToHex(userIds.Hash(userId));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OptOuts.AsNoTracking().Where(o => o.UserHash == hex).OrderBy(o => o.LoopId).ToListAsync(ct);
    }

    /// <summary>
    /// Removes the user's opt-outs in every loop: part of a data-subject erasure when the administrator chooses it, for
    /// Portal then personalizes for the user again. Returns how many there were.
    /// </summary>
    public async Task<int> ForgetAsync(string userId, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.HandleDataSubjectRequests);
        var hash = userIds.Hash(userId);
        var hex = UserIds.ToHex(hash);
        var removed = await DeleteAsync(o => o.UserHash == hex, ct);
        foreach (var users in loops.Values) users.TryRemove(hash, out _);
        cluster.Announce();
        return removed;
    }

    private Task<int> DeleteAsync(System.Linq.Expressions.Expression<Func<OptOut, bool>> rows, CancellationToken ct) =>
        StoreAsync(SharedTopic.OptOutRemovals, db => db.OptOuts.Where(rows).ExecuteDeleteAsync(ct), ct);

    /// <summary>
    /// One change of the registry in its own transaction, stamped for the other nodes first (the version row's lock then
    /// orders the changes: see the class); stored ahead of the log writer (the next Rank must see it). The caller
    /// applies it in memory and announces it once this returns.
    /// </summary>
    private async Task<T> StoreAsync<T>(SharedTopic topic, Func<PortalDbContext, Task<T>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await urgent.BeginTransactionAsync(db, ct);
        await cluster.StampAsync(db, ct, topic);
        var result = await change(db);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>An end user decides for themselves on the page; through the API the loop's key or a loop manager does.</summary>
    private Task DemandAsync(Actor actor, OptOutSource source, string loopId) =>
        source == OptOutSource.Page && actor == Actor.EndUser ? Task.CompletedTask : authorization.DemandAsync(actor, PortalPolicies.ManageLoops, loopId);

    private ConcurrentDictionary<UInt128, DateTimeOffset> UsersOf(string loopId) => loops.GetOrAdd(loopId, _ => new());
}
