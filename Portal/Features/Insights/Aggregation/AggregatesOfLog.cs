using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Decisions.Log;
using Portal.Features.Decisions.Retention;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// The analytics were computed from a loop's decisions: they are deleted with its log, and an hour's rows go once the
/// whole hour is past the loop's log retention.
/// </summary>
public sealed class AggregatesOfLog(IDbContextFactory<PortalDbContext> dbFactory) : ILogDerivedData, IExpiringData
{
    private sealed record Table(string Kind, string Find, string Delete);

    // Found by rowid in one read per table (the keys lead with the dimension, not the hour), deleted by rowid.
    private static readonly Table[] Tables =
    [
        new("segmentStats", "SELECT rowid AS Value FROM SegmentStats WHERE LoopId = $loop AND BucketStart < $before",
            "DELETE FROM SegmentStats WHERE rowid IN (SELECT value FROM json_each($ids))"),
        new("importanceStats", "SELECT rowid AS Value FROM ImportanceStats WHERE LoopId = $loop AND BucketStart < $before",
            "DELETE FROM ImportanceStats WHERE rowid IN (SELECT value FROM json_each($ids))"),
        new("featureValueStats", "SELECT rowid AS Value FROM FeatureValueStats WHERE LoopId = $loop AND BucketStart < $before",
            "DELETE FROM FeatureValueStats WHERE rowid IN (SELECT value FROM json_each($ids))"),
    ];

    public Task DeleteLoopAsync(PortalDbContext db, string loopId, CancellationToken ct) => AggregateStore.DeleteLoopAsync(db, loopId, ct);

    public async IAsyncEnumerable<PurgeBatch> ExpiredAsync(string loopId, DateTimeOffset cutoff, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Whole hours only: the hour the cutoff falls in still counts decisions inside the window.
        var before = DecisionFolder.HourOf(cutoff);
        foreach (var table in Tables)
        {
            List<long> rows;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                rows = await db.Database.SqlQueryRaw<long>(table.Find, new SqliteParameter("$loop", loopId), new SqliteParameter("$before", before))
                    .ToListAsync(ct);
            }
            foreach (var chunk in rows.Chunk(batchSize))
                yield return (connection, transaction, removed) => removed.Add(table.Kind, SqliteIdList.Execute(connection, transaction, table.Delete, chunk));
        }
    }
}
