using Portal.Data;
using Portal.Features.Decisions.Log;

namespace Portal.Features.Insights.Aggregation;

/// <summary>The analytics were computed from a loop's decisions: they are deleted with its log.</summary>
public sealed class AggregatesOfLog : ILogDerivedData
{
    public Task DeleteLoopAsync(PortalDbContext db, string loopId, CancellationToken ct) => AggregateStore.DeleteLoopAsync(db, loopId, ct);
}
