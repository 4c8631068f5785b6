namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Fair turns at SQLite's single write lock. Under full Rank load the decision log writer holds the lock almost all
/// the time, and SQLite's busy handler polls a waiting connection only every 100 ms: a person's freeze could wait
/// for hundreds of milliseconds. A portal transaction announces itself while it tries to start; the log writer, between
/// its batches, lets it in first (waiting at most <see cref="MaxYield"/>), so changes people make land at once.
/// </summary>
public sealed class PortalWriteTurns
{
    public static readonly TimeSpan MaxYield = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A start that never reported back (EF Core tells no interceptor when BEGIN itself throws) is forgotten after this,
    /// so a lost count can never slow the writer for good.
    /// </summary>
    private static readonly long StaleAfter = TimeSpan.FromSeconds(1).Ticks;

    private int waiting;
    private long lastStarting;
    private TaskCompletionSource released = NewSignal();

    public bool PortalWaiting => Volatile.Read(ref waiting) > 0 && DateTime.UtcNow.Ticks - Interlocked.Read(ref lastStarting) < StaleAfter;

    /// <summary>A portal transaction is about to take the write lock.</summary>
    public void Starting()
    {
        Interlocked.Exchange(ref lastStarting, DateTime.UtcNow.Ticks);
        Interlocked.Increment(ref waiting);
    }

    /// <summary>It has the lock (or gave up): the writer may go on.</summary>
    public void Started()
    {
        if (Interlocked.Decrement(ref waiting) > 0) return;
        Interlocked.Exchange(ref released, NewSignal()).TrySetResult();
    }

    /// <summary>The writer's courtesy before each batch: costs one read when nobody waits.</summary>
    public Task YieldToPortalAsync()
    {
        if (!PortalWaiting) return Task.CompletedTask;
        var signal = Volatile.Read(ref released).Task;
        return PortalWaiting ? signal.WaitAsync(MaxYield).ContinueWith(static _ => { }, TaskScheduler.Default) : Task.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
