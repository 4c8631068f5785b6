using Portal.Data.Entities;

namespace Portal.Features.Decisions.Log;

/// <summary>One write waiting for the next group commit; completed only after that commit.</summary>
internal abstract class LogCommand
{
    private readonly TaskCompletionSource<LogWriteResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<LogWriteResult> Completion => completion.Task;

    /// <summary>Runs inside the batch's transaction; the result is published only once the batch commits.</summary>
    public abstract LogWriteResult Execute(LogStatements statements);

    public void Succeed(LogWriteResult result) => completion.TrySetResult(result);

    public void Fail(Exception error) => completion.TrySetException(error);
}

internal sealed class InsertDecision(DecisionRecord decision) : LogCommand
{
    public override LogWriteResult Execute(LogStatements statements) => statements.Insert(decision);
}

internal sealed class RecordReward(string loopId, string eventId, double value, RewardAggregation aggregation) : LogCommand
{
    public override LogWriteResult Execute(LogStatements statements) => statements.Reward(loopId, eventId, value, aggregation);
}

internal sealed class ActivateEvent(string loopId, string eventId, DateTimeOffset now) : LogCommand
{
    public override LogWriteResult Execute(LogStatements statements) => statements.Activate(loopId, eventId, now);
}

internal sealed class UpsertAction(ActionSighting sighting) : LogCommand
{
    public override LogWriteResult Execute(LogStatements statements) => statements.UpsertAction(sighting);
}
