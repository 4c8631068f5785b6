namespace Portal.Infrastructure.Persistence;

/// <summary>
/// One write waiting for its group commit (<see cref="GroupCommitWriter{TItem,TResult}"/>). Its caller awaits
/// <see cref="Completion"/>, which settles only once the batch has committed or failed.
/// </summary>
public abstract class PendingWrite<TResult>
{
    private readonly TaskCompletionSource<TResult> completion;

    /// <summary>
    /// By default a caller continues on the thread pool, never on the writer's loop: its code cannot delay the next
    /// batch. A caller that only answers its HTTP request after the commit, and never waits synchronously for anything
    /// (a Rank), may <paramref name="continueOnWriter"/>: its answer is then sent by the writer's thread right after the
    /// commit, one thread-pool hop fewer per write (and the next batch gathers more writes meanwhile).
    /// </summary>
    protected PendingWrite(bool continueOnWriter = false) =>
        completion = new(continueOnWriter ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Completion => completion.Task;

    /// <summary>Called after the commit. A write that undid only its own part of the batch fails itself here instead.</summary>
    public virtual void Succeed(TResult result) => completion.TrySetResult(result);

    public void Fail(Exception error) => completion.TrySetException(error);
}
