namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Whether the storage takes writes. A writer reports a batch refused by the storage (<see cref="StorageFault"/>) and
/// clears the report with its next commit; readiness is unhealthy meanwhile (<see cref="DatabaseHealthCheck"/>).
/// </summary>
public sealed class StorageHealth(TimeProvider clock)
{
    private volatile StorageFaultReport? fault;
    private TaskCompletionSource readOnly = NewSpell();

    public StorageFaultReport? Fault => fault;

    /// <summary>
    /// Completes once a writer finds the storage read-only, and stays completed until a write reaches the disk again:
    /// the other writers then close the connections they hold while idle (<see cref="GroupCommitWriter{TItem,TResult}"/>).
    /// </summary>
    public Task ReadOnlySpell => Volatile.Read(ref readOnly).Task;

    /// <summary>Keeps the first report of a spell: "since when" matters more than the latest message.</summary>
    public void Report(Exception error)
    {
        if (StorageFault.KindOf(error) is not { } kind) return;
        if (fault is null) fault = new StorageFaultReport(kind, clock.GetUtcNow(), error.Message);
        if (kind == StorageFaultKind.ReadOnly) Volatile.Read(ref readOnly).TrySetResult();
    }

    /// <summary>A write reached the disk. Two reads per committed batch while all is well.</summary>
    public void Clear()
    {
        if (fault is not null) fault = null;
        var spell = Volatile.Read(ref readOnly);
        if (spell.Task.IsCompleted) Interlocked.CompareExchange(ref readOnly, NewSpell(), spell);
    }

    private static TaskCompletionSource NewSpell() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed record StorageFaultReport(StorageFaultKind Kind, DateTimeOffset Since, string Detail);
