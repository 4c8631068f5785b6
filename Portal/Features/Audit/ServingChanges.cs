using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Features.Audit;

/// <summary>
/// The one way to make a change that Rank or the learner obeys (a freeze, a kill switch, a mode, a rule, an audit-only
/// mark, a model reset, loop settings): persist the change with its audit entry in one write transaction, taken ahead
/// of the decision log writer, so neither exists without the other; then, once committed, publish the new state (the
/// control snapshot, the loop directory, the model) here, and then to the other nodes (<see cref="SharedStateChanges"/>). A
/// failure while persisting leaves nothing and publishes nothing.
/// </summary>
public sealed class ServingChanges(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, UrgentWrites urgent, SharedStateChanges cluster)
{
    /// <param name="persist">Loads and changes rows (and may write what lives outside the database, last); returns the
    /// audit record, or a refusal that leaves everything as it was.</param>
    /// <param name="publish">Runs only after the commit: makes the new state visible to the next Rank.</param>
    public async Task<T> ApplyAsync<T>(Actor actor, Func<PortalDbContext, Task<AuditedChange<T>>> persist,
        Func<CancellationToken, Task> publish, CancellationToken ct)
    {
        AuditedChange<T> change;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await urgent.BeginTransactionAsync(db, ct);
            change = await persist(db);
            if (change.Record is null) return change.Result;
            await audit.AppendAsync(db, actor, change.Record, ct);
            await db.SaveChangesAsync(ct);
            await cluster.StampAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        await publish(ct);
        cluster.Announce();
        return change.Result;
    }
}
