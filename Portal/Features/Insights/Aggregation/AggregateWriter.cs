using Microsoft.Data.Sqlite;

namespace Portal.Features.Insights.Aggregation;

/// <summary>The upserts of one batch on the caller's connection and transaction: prepared once, parameters reused per row.</summary>
internal static class AggregateWriter
{
    private const string UpsertSegment = """
        INSERT INTO SegmentStats (LoopId, Dimension, BucketStart, Value, ActionId, Decisions, Rewarded, RewardSum, RewardSquares,
            Explored, BaselineServed, OverrideServed)
        VALUES ($loop, $dimension, $bucket, $value, $action, $decisions, $rewarded, $sum, $squares, $explored, $baseline, $override)
        ON CONFLICT (LoopId, Dimension, BucketStart, Value, ActionId) DO UPDATE SET
            Decisions = Decisions + excluded.Decisions, Rewarded = Rewarded + excluded.Rewarded,
            RewardSum = RewardSum + excluded.RewardSum, RewardSquares = RewardSquares + excluded.RewardSquares,
            Explored = Explored + excluded.Explored, BaselineServed = BaselineServed + excluded.BaselineServed,
            OverrideServed = OverrideServed + excluded.OverrideServed
        """;

    private const string UpsertImportance = """
        INSERT INTO ImportanceStats (LoopId, Dimension, BucketStart, Value, IsNamespace, Feature, SumAbs)
        VALUES ($loop, $dimension, $bucket, $value, $namespace, $feature, $sum)
        ON CONFLICT (LoopId, Dimension, BucketStart, Value, IsNamespace, Feature) DO UPDATE SET SumAbs = SumAbs + excluded.SumAbs
        """;

    private const string UpsertValue = """
        INSERT INTO FeatureValueStats (LoopId, Feature, BucketStart, IsNumeric, Bin, Count)
        VALUES ($loop, $feature, $bucket, $numeric, $bin, $count)
        ON CONFLICT (LoopId, BucketStart, Feature, IsNumeric, Bin) DO UPDATE SET Count = Count + excluded.Count
        """;

    private const string UpsertCursor = """
        INSERT INTO InsightCursors (LoopId, Source, DefinitionHash, LastSeq) VALUES ($loop, $source, $hash, $last)
        ON CONFLICT (LoopId, Source) DO UPDATE SET LastSeq = MAX(LastSeq, excluded.LastSeq), DefinitionHash = excluded.DefinitionHash
        """;

    public static void Write(SqliteConnection connection, SqliteTransaction transaction, string loopId, AggregateBatch batch)
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
            foreach (var (key, sum) in batch.Importance)
                Run(importance, loopId, key.Dimension, key.BucketStart, key.Value, key.IsNamespace ? 1 : 0, key.Feature, sum);
        }
        using var values = Prepare(connection, transaction, UpsertValue, "$loop", "$feature", "$bucket", "$numeric", "$bin", "$count");
        foreach (var (key, count) in batch.Values)
            Run(values, loopId, key.Feature, key.BucketStart, key.IsNumeric ? 1 : 0, key.Bin, count);
    }

    public static void MoveCursors(SqliteConnection connection, SqliteTransaction transaction, string loopId, long lastSeq, IReadOnlyList<AggregationSource> sources)
    {
        using var cursor = Prepare(connection, transaction, UpsertCursor, "$loop", "$source", "$hash", "$last");
        foreach (var source in sources)
            Run(cursor, loopId, source.Name, (object?)source.DefinitionHash ?? DBNull.Value, Math.Max(lastSeq, source.LastSeq));
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
