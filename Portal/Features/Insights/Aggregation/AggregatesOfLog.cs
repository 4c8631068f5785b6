using System.Runtime.CompilerServices;
using System.Data.Common;
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
    private sealed record Table(string Kind, string Name);

    private static readonly Table[] Tables = [new("segmentStats", "SegmentStats"), new("importanceStats", "ImportanceStats"), new("featureValueStats", "FeatureValueStats")];

    // Found by row address in one read per table (the keys lead with the dimension, not the hour), deleted by it:
    // SQLite's rowid, PostgreSQL's ctid (a row the aggregator updates meanwhile moves, is missed, and goes next time).
    private static string Find(bool postgres, Table table) => postgres
        ? $"SELECT ctid::text AS \"Value\" FROM {table.Name} WHERE LoopId = @loop AND BucketStart < @before"
        : $"SELECT rowid AS Value FROM {table.Name} WHERE LoopId = $loop AND BucketStart < $before";

    public Task DeleteLoopAsync(PortalDbContext db, string loopId, CancellationToken ct) => AggregateStore.DeleteLoopAsync(db, loopId, ct);

    public async IAsyncEnumerable<PurgeBatch> ExpiredAsync(string loopId, DateTimeOffset cutoff, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Whole hours only: the hour the cutoff falls in still counts decisions inside the window.
        var before = DecisionFolder.HourOf(cutoff);
        foreach (var table in Tables)
        {
            foreach (var batch in await BatchesAsync(table, loopId, before, batchSize, ct)) yield return batch;
        }
    }

    private async Task<List<PurgeBatch>> BatchesAsync(Table table, string loopId, long before, int batchSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        var postgres = DbCommands.IsPostgres(connection);
        DbParameter[] parameters = [DbCommands.Parameter(connection, "$loop", loopId), DbCommands.Parameter(connection, "$before", before)];
        if (postgres)
        {
            var addresses = await db.Database.SqlQueryRaw<string>(Find(postgres, table), parameters).ToListAsync(ct);
            return [.. addresses.Chunk(batchSize).Select(chunk => (PurgeBatch)((c, t, removed) => removed.Add(table.Kind, DeleteByAddress(c, t, table, chunk))))];
        }
        var rows = await db.Database.SqlQueryRaw<long>(Find(postgres, table), parameters).ToListAsync(ct);
        return [.. rows.Chunk(batchSize).Select(chunk => (PurgeBatch)((c, t, removed) =>
            removed.Add(table.Kind, IdList.Execute(c, t, $"DELETE FROM {table.Name} WHERE rowid IN {IdList.Placeholder}", chunk))))];
    }

    private static int DeleteByAddress(DbConnection connection, DbTransaction transaction, Table table, string[] addresses)
    {
        using var delete = DbCommands.Prepare(connection, transaction, $"DELETE FROM {table.Name} WHERE ctid = ANY($rows::tid[])", "$rows");
        return DbCommands.Run(delete, [addresses]);
    }
}
