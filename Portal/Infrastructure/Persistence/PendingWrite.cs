namespace Portal.Infrastructure.Persistence;

/// <summary>
/// One write waiting for its group commit (<see cref="GroupCommitWriter{TItem,TResult}"/>). Its caller awaits
/// <see cref="Completion"/>, which settles only once the batch has committed or failed.
/// </summary>
public abstract class PendingWrite<TResult>
{
    // Callers continue on the thread pool, never on the writer's loop: their code cannot delay the next batch.
    private readonly TaskCompletionSource<TResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Completion => completion.Task;

    /// <summary>Called after the commit. A write that undid only its own part of the batch fails itself here instead.</summary>
    public virtual void Succeed(TResult result) => completion.TrySetResult(result);

    public void Fail(Exception error) => completion.TrySetException(error);
}
