using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Lets an urgent change (a freeze, a kill switch, a mode or a rule: what the next Rank must obey) past the decision
/// log writer. Under full Rank load the writer holds SQLite's single write lock almost all the time, and SQLite polls a
/// waiting connection only every 100 ms, so such a change could wait for hundreds of milliseconds. An urgent change
/// takes a ticket while it begins its transaction; between two batches the writer waits (at most
/// <see cref="MaxYield"/>) until the tickets taken so far have their lock. Ordinary portal writes take no ticket and
/// never slow Rank.
/// </summary>
public sealed class UrgentWrites
{
    public static readonly TimeSpan MaxYield = TimeSpan.FromMilliseconds(200);

    private long requested;
    private long served;
    private TaskCompletionSource progress = NewSignal();

    /// <summary>Begins the change's write transaction (SQLite: BEGIN IMMEDIATE, the write lock) ahead of the log writer.</summary>
    public async Task<IDbContextTransaction> BeginTransactionAsync(DbContext db, CancellationToken ct)
    {
        Interlocked.Increment(ref requested);
        try
        {
            return await db.Database.BeginTransactionAsync(ct);
        }
        finally
        {
            Interlocked.Increment(ref served);
            Interlocked.Exchange(ref progress, NewSignal()).TrySetResult();
        }
    }

    /// <summary>The writer's courtesy before each batch: one read when no urgent change waits.</summary>
    public async Task YieldAsync()
    {
        var target = Interlocked.Read(ref requested);
        if (Interlocked.Read(ref served) >= target) return;
        var deadline = DateTime.UtcNow + MaxYield;
        while (Interlocked.Read(ref served) < target)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return;
            var signal = Volatile.Read(ref progress).Task;
            if (Interlocked.Read(ref served) >= target) return;
            await Task.WhenAny(signal, Task.Delay(left));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
