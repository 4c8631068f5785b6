using Portal.Data;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// Data another feature computed from a loop's decisions (Insights' aggregates, say). When the loop's log is deleted,
/// <see cref="LoopLogDeletion"/> asks every registered one to delete its part inside the same transaction, so nothing
/// derived outlives the decisions it came from and Decisions needs to know none of those features.
/// </summary>
public interface ILogDerivedData
{
    Task DeleteLoopAsync(PortalDbContext db, string loopId, CancellationToken ct);
}
