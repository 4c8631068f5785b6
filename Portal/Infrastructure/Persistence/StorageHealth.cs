namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Whether the storage takes writes. A writer reports a batch refused by the storage (<see cref="StorageFault"/>) and
/// clears the report with its next commit; readiness is unhealthy meanwhile (<see cref="DatabaseHealthCheck"/>).
/// </summary>
public sealed class StorageHealth(TimeProvider clock)
{
    private volatile StorageFaultReport? fault;

    public StorageFaultReport? Fault => fault;

    /// <summary>Keeps the first report of a spell: "since when" matters more than the latest message.</summary>
    public void Report(Exception error)
    {
        if (fault is null && StorageFault.KindOf(error) is { } kind) fault = new StorageFaultReport(kind, clock.GetUtcNow(), error.Message);
    }

    /// <summary>A write reached the disk. One read per committed batch while all is well.</summary>
    public void Clear()
    {
        if (fault is not null) fault = null;
    }
}

public sealed record StorageFaultReport(StorageFaultKind Kind, DateTimeOffset Since, string Detail);
