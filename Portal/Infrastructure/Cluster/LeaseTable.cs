using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// The lease rows (<c>LeaderLeases</c>), changed only by single conditional UPDATEs, so two nodes never both win: the
/// database decides. Times are Unix milliseconds from the nodes' clocks (keep them synchronized, e.g. NTP); whatever the
/// clocks say, a node's writes under a lease are fenced by the lease's version.
/// </summary>
public sealed class LeaseTable(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const string Create = "INSERT INTO LeaderLeases (Name, Holder, Version, AcquiredAt, ExpiresAt) VALUES ($name, '', 0, 0, 0) ON CONFLICT (Name) DO NOTHING";

    // Taken when it has expired, when the row still names this node (a restart under the same node id), or by force.
    private const string Acquire = """
        UPDATE LeaderLeases SET Holder = $holder, Version = Version + 1, AcquiredAt = $now, ExpiresAt = $expires
        WHERE Name = $name AND (ExpiresAt <= $now OR Holder = $holder OR $force = 1)
        """;

    private const string Renew = "UPDATE LeaderLeases SET ExpiresAt = $expires WHERE Name = $name AND Holder = $holder AND Version = $version";

    private const string Release = "UPDATE LeaderLeases SET ExpiresAt = 0 WHERE Name = $name AND Holder = $holder AND Version = $version";

    // A no-op write: it locks the row until the caller's transaction ends, so no takeover can commit in between.
    private const string Fence = """
        UPDATE LeaderLeases SET Holder = Holder
        WHERE Name = $name AND Holder = $holder AND Version = $version AND ExpiresAt > $now
        """;

    private const string Read = "SELECT Holder, Version, ExpiresAt FROM LeaderLeases WHERE Name = $name";

    /// <summary>Takes the lease when it is free (or <paramref name="force"/>); true when this node now holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset expires, bool force, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        await using (var create = DbCommands.Prepare(connection, Create, "$name")) { DbCommands.Bind(create, name); await create.ExecuteNonQueryAsync(ct); }
        await using var acquire = DbCommands.Prepare(connection, Acquire, "$holder", "$now", "$expires", "$name", "$force");
        DbCommands.Bind(acquire, holder, now.ToUnixTimeMilliseconds(), expires.ToUnixTimeMilliseconds(), name, force ? 1L : 0L);
        return await acquire.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Extends the lease; false when this node no longer holds it (another node took it over).</summary>
    public Task<bool> TryRenewAsync(string name, string holder, long version, DateTimeOffset expires, CancellationToken ct) =>
        ChangeAsync(Renew, ["$expires", "$name", "$holder", "$version"], [expires.ToUnixTimeMilliseconds(), name, holder, version], ct);

    /// <summary>Lets another node take the lease at once (a graceful stop).</summary>
    public Task<bool> ReleaseAsync(string name, string holder, long version, CancellationToken ct) =>
        ChangeAsync(Release, ["$name", "$holder", "$version"], [name, holder, version], ct);

    public async Task<LeaseState> ReadAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        await using var read = DbCommands.Prepare(connection, Read, "$name");
        DbCommands.Bind(read, name);
        await using var row = await read.ExecuteReaderAsync(ct);
        return await row.ReadAsync(ct)
            ? new LeaseState(row.GetString(0), row.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(2)))
            : LeaseState.Unknown;
    }

    /// <summary>
    /// Inside the caller's write transaction: true only while the term's holder still holds the lease, and then no other
    /// node can take it over before that transaction ends. Write nothing under the lease when this is false.
    /// </summary>
    public static async Task<bool> FenceAsync(DbConnection connection, DbTransaction transaction, string name, LeaseTerm term, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var fence = DbCommands.Prepare(connection, transaction, Fence, "$name", "$holder", "$version", "$now");
        DbCommands.Bind(fence, name, term.Holder, term.Version, now.ToUnixTimeMilliseconds());
        return await fence.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// <see cref="FenceAsync"/> for work that runs synchronously inside another writer's transaction (the decision log
    /// writer's commit).
    /// </summary>
    public static bool FenceInCommit(DbConnection connection, DbTransaction transaction, string name, LeaseTerm term, DateTimeOffset now)
    {
        using var fence = DbCommands.Prepare(connection, transaction, Fence, "$name", "$holder", "$version", "$now");
        DbCommands.Bind(fence, name, term.Holder, term.Version, now.ToUnixTimeMilliseconds());
        return fence.ExecuteNonQuery() == 1;
    }

    private async Task<bool> ChangeAsync(string sql, string[] names, object[] values, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        await using var command = DbCommands.Prepare(connection, sql, names);
        DbCommands.Bind(command, values);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task<DbConnection> OpenAsync(PortalDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.GetDbConnection();
    }
}
