namespace Portal.Features.Privacy.Requests;

/// <summary>
/// One erasure running in the background on this node (see <see cref="BackgroundErasures"/>): whose data, who asked,
/// how far it has come and how it ended. A page watches it and may be left: the erasure goes on. <see cref="Cancel"/>
/// stops it for good between two batches.
/// </summary>
public sealed class ErasureJob : IProgress<RequestProgress>
{
    private readonly CancellationTokenSource cancellation;
    private readonly Lock gate = new();
    private IProgress<RequestProgress>[] watchers = [];
    private RequestProgress? progress;

    internal ErasureJob(long id, DataSubject subject, string requestedBy, DateTimeOffset startedAt, CancellationToken stopping)
    {
        (Id, Subject, RequestedBy, StartedAt) = (id, subject, requestedBy, startedAt);
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public long Id { get; }

    public DataSubject Subject { get; }

    /// <summary>Who asked, as the audit log names them.</summary>
    public string RequestedBy { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The latest report; null before the first.</summary>
    public RequestProgress? Progress => Volatile.Read(ref progress);

    /// <summary>The erasure's result; faulted when it stopped with an error (audited as failed, and run again later).</summary>
    public Task<ErasureResult> Completion { get; private set; } = Task.FromException<ErasureResult>(new InvalidOperationException("Not started."));

    /// <summary>When it ended (any outcome); null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>A person asked to stop it (rather than Portal stopping, after which it is taken up again).</summary>
    public bool CancelRequested { get; private set; }

    /// <summary>After an error: Portal runs the erasure again (false once it has failed too often and is given up).</summary>
    public bool RunsAgain { get; internal set; }

    internal CancellationToken Token => cancellation.Token;

    public void Cancel()
    {
        if (FinishedAt is not null) return;
        CancelRequested = true;
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished meanwhile: nothing is left to stop.
        }
    }

    /// <summary>Passes each report to <paramref name="watcher"/> until the returned handle is disposed.</summary>
    public IDisposable Watch(IProgress<RequestProgress> watcher)
    {
        lock (gate) watchers = [.. watchers, watcher];
        return new Unwatch(this, watcher);
    }

    internal void Start(Func<Task<ErasureResult>> run, TimeProvider clock) =>
        Completion = Task.Run(async () =>
        {
            try
            {
                return await run();
            }
            finally
            {
                FinishedAt = clock.GetUtcNow();
                cancellation.Dispose();
            }
        });

    void IProgress<RequestProgress>.Report(RequestProgress value)
    {
        Volatile.Write(ref progress, value);
        foreach (var watcher in Volatile.Read(ref watchers)) watcher.Report(value);
    }

    private sealed class Unwatch(ErasureJob job, IProgress<RequestProgress> watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (job.gate) job.watchers = [.. job.watchers.Where(w => !ReferenceEquals(w, watcher))];
        }
    }
}
