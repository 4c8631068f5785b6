using System.Data.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// The upserts of one batch on the caller's connection and transaction: prepared once, parameters reused per row. The
/// existing row's columns are named with the table (PostgreSQL finds a bare name ambiguous beside <c>excluded</c>).
/// </summary>
internal static class AggregateWriter
{
    private const string UpsertSegment = """
        INSERT INTO SegmentStats (LoopId, Dimension, BucketStart, Value, ActionId, Decisions, Rewarded, RewardSum, RewardSquares,
            Explored, BaselineServed, OverrideServed)
        VALUES ($loop, $dimension, $bucket, $value, $action, $decisions, $rewarded, $sum, $squares, $explored, $baseline, $override)
        ON CONFLICT (LoopId, Dimension, BucketStart, Value, ActionId) DO UPDATE SET
            Decisions = SegmentStats.Decisions + excluded.Decisions, Rewarded = SegmentStats.Rewarded + excluded.Rewarded,
            RewardSum = SegmentStats.RewardSum + excluded.RewardSum, RewardSquares = SegmentStats.RewardSquares + excluded.RewardSquares,
            Explored = SegmentStats.Explored + excluded.Explored, BaselineServed = SegmentStats.BaselineServed + excluded.BaselineServed,
            OverrideServed = SegmentStats.OverrideServed + excluded.OverrideServed
        """;

    private const string UpsertImportance = """
        INSERT INTO ImportanceStats (LoopId, Dimension, BucketStart, Value, IsNamespace, Feature, SumAbs)
        VALUES ($loop, $dimension, $bucket, $value, $namespace, $feature, $sum)
        ON CONFLICT (LoopId, Dimension, BucketStart, Value, IsNamespace, Feature) DO UPDATE SET SumAbs = ImportanceStats.SumAbs + excluded.SumAbs
        """;

    private const string UpsertValue = """
        INSERT INTO FeatureValueStats (LoopId, Feature, BucketStart, IsNumeric, Bin, Count)
        VALUES ($loop, $feature, $bucket, $numeric, $bin, $count)
        ON CONFLICT (LoopId, BucketStart, Feature, IsNumeric, Bin) DO UPDATE SET Count = FeatureValueStats.Count + excluded.Count
        """;

    private const string UpsertCursor = """
        INSERT INTO InsightCursors (LoopId, Source, DefinitionHash, LastSeq) VALUES ($loop, $source, $hash, $last)
        ON CONFLICT (LoopId, Source) DO UPDATE SET LastSeq = MAX(InsightCursors.LastSeq, excluded.LastSeq), DefinitionHash = excluded.DefinitionHash
        """;

    public static void Write(DbConnection connection, DbTransaction transaction, string loopId, AggregateBatch batch)
    {
        using (var segment = Prepare(connection, transaction, UpsertSegment, "$loop", "$dimension", "$bucket", "$value", "$action",
                   "$decisions", "$rewarded", "$sum", "$squares", "$explored", "$baseline", "$override"))
        {
            foreach (var (key, c) in batch.Segments)
                Run(segment, loopId, key.Dimension, key.BucketStart, key.Value, key.ActionId, c.Decisions, c.Rewarded, c.RewardSum,
                    c.RewardSquares, c.Explored, c.BaselineServed, c.OverrideServed);
        }
        using (var importance = Prepare(connection, transaction, UpsertImportance, "$loop", "$dimension", "$bucket", "$value", "$namespace", "$feature", "$sum"))
        {
            foreach (var (group, sums) in batch.Importance)
            {
                foreach (var (id, sum) in sums.Entries())
                    Run(importance, loopId, group.Dimension, group.BucketStart, group.Value, batch.Terms[id].IsNamespace, batch.Terms[id].Feature, sum);
            }
        }
        using var values = Prepare(connection, transaction, UpsertValue, "$loop", "$feature", "$bucket", "$numeric", "$bin", "$count");
        foreach (var (key, count) in batch.Values)
            Run(values, loopId, key.Feature, key.BucketStart, key.IsNumeric, key.Bin, count);
    }

    public static void MoveCursors(DbConnection connection, DbTransaction transaction, string loopId, long lastSeq, IReadOnlyList<AggregationSource> sources)
    {
        using var cursor = Prepare(connection, transaction, UpsertCursor, "$loop", "$source", "$hash", "$last");
        foreach (var source in sources)
            Run(cursor, loopId, source.Name, (object?)source.DefinitionHash ?? DBNull.Value, Math.Max(lastSeq, source.LastSeq));
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] names) =>
        DbCommands.Prepare(connection, transaction, ForEngine(connection, sql), names);

    private static void Run(DbCommand command, params object[] values) => DbCommands.Run(command, values);

    /// <summary>SQLite's two-argument MAX is PostgreSQL's GREATEST.</summary>
    private static string ForEngine(DbConnection connection, string sql) =>
        DbCommands.IsPostgres(connection) ? sql.Replace("MAX(", "GREATEST(", StringComparison.Ordinal) : sql;
}
