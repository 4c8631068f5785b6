using System.Collections.Concurrent;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// Progress of the portal's downloads, for the page that started them. The page makes a ticket and subscribes under it;
/// the download (the browser's own request) reports under the same ticket. Only the person who subscribed hears it,
/// and a report nobody listens to costs a dictionary lookup. A download reports at most every <see cref="ReportEvery"/>
/// (and once when it ends), so a page renders a few times a second however fast the export runs.
/// </summary>
public sealed class ExportProgressBoard(TimeProvider clock)
{
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(200);

    private sealed record Listener(string UserId, Action<ExportProgress> OnChange);

    private readonly ConcurrentDictionary<Guid, Listener> listeners = new();

    public IDisposable Subscribe(Guid ticket, string userId, Action<ExportProgress> onChange)
    {
        var listener = new Listener(userId, onChange);
        listeners[ticket] = listener;
        return new Subscription(this, ticket, listener);
    }

    /// <summary>The reporter a download of <paramref name="total"/> decisions uses; nothing is reported for another person's ticket.</summary>
    public ExportReporter For(Guid? ticket, string? userId, long total) => new(this, clock, ticket, userId, total);

    internal void Report(Guid ticket, string? userId, ExportProgress progress)
    {
        if (listeners.TryGetValue(ticket, out var listener) && listener.UserId == userId) listener.OnChange(progress);
    }

    private sealed class Subscription(ExportProgressBoard board, Guid ticket, Listener listener) : IDisposable
    {
        public void Dispose() => board.listeners.TryRemove(new KeyValuePair<Guid, Listener>(ticket, listener));
    }
}

/// <summary>Reports one download's progress to the board; <see cref="Finish"/> says it ended (completed, failed or cancelled).</summary>
public sealed class ExportReporter(ExportProgressBoard board, TimeProvider clock, Guid? ticket, string? userId, long total) : IProgress<long>
{
    private long read;
    private long lastReport = long.MinValue;

    public void Report(long value)
    {
        read = value;
        if (ticket is not { } id) return;
        var now = clock.GetTimestamp();
        if (lastReport != long.MinValue && clock.GetElapsedTime(lastReport, now) < ExportProgressBoard.ReportEvery) return;
        lastReport = now;
        board.Report(id, userId, new ExportProgress(value, total, Done: false));
    }

    public void Finish()
    {
        if (ticket is { } id) board.Report(id, userId, new ExportProgress(read, total, Done: true));
    }
}
