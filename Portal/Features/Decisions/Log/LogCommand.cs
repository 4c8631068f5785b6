using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Log;

/// <summary>One write waiting for the next group commit; completed only after that commit.</summary>
internal abstract class LogCommand(bool continueOnWriter = false) : PendingWrite<LogWriteResult>(continueOnWriter)
{
    /// <summary>The one statement this write runs, or null for work that must run on its own (<see cref="RideAlong"/>).</summary>
    public abstract LogStatement? Statement(LogStatements statements);

    /// <summary>Runs inside the batch's transaction; the result is published only once the batch commits.</summary>
    public virtual LogWriteResult Execute(LogStatements statements) => LogStatements.Run(Statement(statements)!.Value);
}

internal sealed class InsertDecision(DecisionRecord decision, bool continueOnWriter) : LogCommand(continueOnWriter)
{
    public override LogStatement? Statement(LogStatements statements) => statements.Insert(decision);

    public override LogWriteResult Execute(LogStatements statements) => statements.InsertNow(decision);
}

internal sealed class RecordReward(RewardReceipt reward, RewardAggregation aggregation) : LogCommand
{
    public override LogStatement? Statement(LogStatements statements) => statements.Reward(reward, aggregation);
}

internal sealed class ActivateEvent(string loopId, string eventId, DateTimeOffset now) : LogCommand
{
    public override LogStatement? Statement(LogStatements statements) => statements.Activate(loopId, eventId, now);
}

internal sealed class UpsertAction(ActionSighting sighting) : LogCommand
{
    public override LogStatement? Statement(LogStatements statements) => statements.UpsertAction(sighting);
}

/// <summary>The stored actions lists no decision names any more, deleted in the writer's transaction (it keeps lists in memory).</summary>
internal sealed class DeleteUnusedActionLists : LogCommand
{
    public int Deleted { get; private set; }

    public override LogStatement? Statement(LogStatements statements) => null;

    public override LogWriteResult Execute(LogStatements statements)
    {
        Deleted = statements.DeleteUnusedActionLists();
        return LogWriteResult.Committed;
    }
}

/// <summary>
/// Another feature's write that rides along in the next group commit instead of taking SQLite's write lock itself (a
/// second writer would make the log writer wait in SQLite's busy handler, which sleeps up to 100 ms at a time; on
/// PostgreSQL it keeps the same order of writes). It runs
/// inside a savepoint: if it fails, only its own changes are undone and only its caller hears of it; the decisions of
/// the batch commit as usual.
/// </summary>
internal sealed class RideAlong(Action<System.Data.Common.DbConnection, System.Data.Common.DbTransaction> work) : LogCommand
{
    private Exception? failure;

    public override LogStatement? Statement(LogStatements statements) => null;

    public override LogWriteResult Execute(LogStatements statements)
    {
        using var savepoint = statements.Connection.CreateCommand();
        savepoint.Transaction = statements.Transaction;
        savepoint.CommandText = "SAVEPOINT ride_along";
        savepoint.ExecuteNonQuery();
        try
        {
            work(statements.Connection, statements.Transaction!);
            savepoint.CommandText = "RELEASE ride_along";
            savepoint.ExecuteNonQuery();
        }
        catch (Exception error)
        {
            failure = error;
            savepoint.CommandText = "ROLLBACK TO ride_along; RELEASE ride_along";
            savepoint.ExecuteNonQuery();
        }
        return LogWriteResult.Committed;
    }

    public override void Succeed(LogWriteResult result)
    {
        if (failure is null) base.Succeed(result);
        else Fail(failure);
    }
}
