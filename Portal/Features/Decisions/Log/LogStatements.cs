using System.Data.Common;
using Microsoft.Data.Sqlite;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// The writer's prepared statements on its one connection. Raw SQL because this is the hot path:
/// one INSERT or UPDATE per write, parameters reused, no change tracking.
/// </summary>
internal sealed class LogStatements : IGroupCommitStatements<LogCommand, LogWriteResult>
{
    private readonly DbCommand insertDecision;
    private readonly DbCommand rewardEarliest;
    private readonly DbCommand rewardSum;
    private readonly DbCommand activate;
    private readonly DbCommand upsertAction;
    private readonly SqliteDecisionInsert? sqliteInsert;

    // SQLite only: on PostgreSQL, where several nodes write, each request is logged whole.
    private readonly ActionListStore? actionLists;
    private DbTransaction? current;

    private const string InsertDecisionSql = """
        INSERT INTO Decisions (LoopId, EventId, CreatedAt, RequestJson, ChosenActionId, ChosenProbability,
            BaselineActionId, Explored, ModelVersion, Mode, RankingJson, ExplanationJson, DeferActivation, RewardCount,
            Oversight, RuleId, OversightDetail, LearnerFeatures, ActionListId)
        VALUES ($loop, $event, $created, $request, $chosen, $probability,
            $baseline, $explored, $model, $mode, $ranking, $explanation, $defer, 0,
            $oversight, $rule, $detail, $features, $actionlist)
        ON CONFLICT (LoopId, EventId) DO NOTHING
        """;

    public LogStatements(DbConnection connection)
    {
        Connection = connection;
        insertDecision = Prepare(connection, InsertDecisionSql, "$loop", "$event", "$created", "$request", "$chosen", "$probability",
            "$baseline", "$explored", "$model", "$mode", "$ranking", "$explanation", "$defer",
            "$oversight", "$rule", "$detail", "$features", "$actionlist");
        if (connection is SqliteConnection sqlite)
        {
            sqliteInsert = new SqliteDecisionInsert(sqlite, InsertDecisionSql);
            actionLists = new ActionListStore(sqlite);
        }
        rewardEarliest = Prepare(connection, """
            UPDATE Decisions SET Reward = COALESCE(Reward, $value), RewardCount = RewardCount + 1,
                RewardedAt = COALESCE(RewardedAt, $now), RewardSource = COALESCE(RewardSource, $source)
            WHERE LoopId = $loop AND EventId = $event
            """, "$value", "$now", "$source", "$loop", "$event");
        rewardSum = Prepare(connection, """
            UPDATE Decisions SET Reward = COALESCE(Reward, 0) + $value, RewardCount = RewardCount + 1,
                RewardedAt = COALESCE(RewardedAt, $now), RewardSource = COALESCE(RewardSource, $source)
            WHERE LoopId = $loop AND EventId = $event
            """, "$value", "$now", "$source", "$loop", "$event");
        activate = Prepare(connection, """
            UPDATE Decisions SET ActivatedAt = COALESCE(ActivatedAt, $now)
            WHERE LoopId = $loop AND EventId = $event
            """, "$now", "$loop", "$event");
        upsertAction = Prepare(connection, """
            INSERT INTO LoopActions (LoopId, ActionId, FeaturesJson, FirstSeenAt, LastSeenAt)
            VALUES ($loop, $action, $features, $seen, $seen)
            ON CONFLICT (LoopId, ActionId) DO UPDATE SET FeaturesJson = excluded.FeaturesJson, LastSeenAt = excluded.LastSeenAt
            """, "$loop", "$action", "$features", "$seen");
    }

    /// <summary>The writer's connection, for work that rides along in a batch (see <see cref="RideAlong"/>).</summary>
    public DbConnection Connection { get; }

    public DbTransaction? Transaction
    {
        get => current;
        set
        {
            current = value;
            insertDecision.Transaction = value;
            rewardEarliest.Transaction = value;
            rewardSum.Transaction = value;
            activate.Transaction = value;
            upsertAction.Transaction = value;
            actionLists?.Transaction = value;
        }
    }

    public void Committed() => actionLists?.Committed();

    public LogWriteResult Write(LogCommand command) => command.Execute(this);

    /// <summary>The insert as a command's values (PostgreSQL's batches); the texts and features are copied out of the record.</summary>
    public LogStatement Insert(DecisionRecord d) => new(insertDecision, LogWriteResult.DuplicateEvent, [
        d.LoopId, d.EventId, d.CreatedAt.ToUnixTimeMilliseconds(), NullableText(d.RequestJson), d.ChosenActionId, d.ChosenProbability,
        d.BaselineActionId, d.Explored, d.ModelVersion, d.Mode.ToString(), NullableText(d.RankingJson), NullableText(d.ExplanationJson),
        d.DeferActivation, (int)d.Oversight, d.RuleId is { } rule ? rule : DBNull.Value,
        d.OversightDetail is { } detail ? detail : DBNull.Value, d.LearnerFeatures is { } features ? features.ToArray() : DBNull.Value, DBNull.Value]);

    private static object NullableText(LoggedText text) => text.AsString() is { } value ? value : DBNull.Value;

    /// <summary>
    /// Runs the decision insert now: on SQLite through its statement API, its actions list stored apart once sent
    /// before; elsewhere as a command.
    /// </summary>
    public LogWriteResult InsertNow(DecisionRecord d)
    {
        if (sqliteInsert is not { } sqlite) return Run(Insert(d));
        long? listId = null;
        ReadOnlySpan<byte> rowText = default, rowFeatures = default;
        if (actionLists is not null && d.ActionsJson is { } list && d.RequestJson.IsUtf8
            && actionLists.TrySplit(d, list, out var id, out rowText, out rowFeatures)) listId = id;
        return sqlite.Run(d, listId, rowText, rowFeatures) == 0 ? LogWriteResult.DuplicateEvent : LogWriteResult.Committed;
    }

    /// <summary>Deletes the stored actions lists no decision names any more (<see cref="ActionListStore.DeleteUnused"/>); none on PostgreSQL.</summary>
    public int DeleteUnusedActionLists() => actionLists?.DeleteUnused() ?? 0;

    public LogStatement Reward(RewardReceipt reward, RewardAggregation aggregation) =>
        new(aggregation == RewardAggregation.Sum ? rewardSum : rewardEarliest, LogWriteResult.UnknownEvent,
            [reward.Value, reward.ReceivedAt.ToUnixTimeMilliseconds(), reward.Source, reward.LoopId, reward.EventId]);

    public LogStatement Activate(string loopId, string eventId, DateTimeOffset now) =>
        new(activate, LogWriteResult.UnknownEvent, [now.ToUnixTimeMilliseconds(), loopId, eventId]);

    public LogStatement UpsertAction(ActionSighting a) =>
        new(upsertAction, LogWriteResult.Committed, [a.LoopId, a.ActionId, a.FeaturesJson, a.SeenAt.ToUnixTimeMilliseconds()]);

    /// <summary>Runs one statement now (one call into SQLite, or one round trip to PostgreSQL).</summary>
    public static LogWriteResult Run(LogStatement statement) =>
        statement.ResultOf(DbCommands.Run(statement.Command, statement.Values));

    public void Dispose()
    {
        sqliteInsert?.Dispose();
        actionLists?.Dispose();
        insertDecision.Dispose();
        rewardEarliest.Dispose();
        rewardSum.Dispose();
        activate.Dispose();
        upsertAction.Dispose();
    }

    /// <summary>The same SQL on both engines (<see cref="DbCommands"/>).</summary>
    private static DbCommand Prepare(DbConnection connection, string sql, params string[] parameters) =>
        DbCommands.Prepare(connection, sql, parameters);
}

/// <summary>One write's statement: the prepared command, its values in parameter order, and what no row changed means.</summary>
internal readonly record struct LogStatement(DbCommand Command, LogWriteResult WhenNoRowChanged, object[] Values)
{
    public LogWriteResult ResultOf(int rowsChanged) => rowsChanged == 0 ? WhenNoRowChanged : LogWriteResult.Committed;
}
