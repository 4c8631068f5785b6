using Portal.Features.Feedback.Board;

namespace Portal.Features.Feedback;

/// <summary>
/// The navigation's counters (new, overdue), computed once for every open page: within a second of a change to a
/// ticket (<see cref="Signal"/>) and every few seconds (tickets become overdue as time passes). Subscribers hear only changes.
/// </summary>
public sealed class FeedbackCounters(TicketQueries queries, ILogger<FeedbackCounters> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    /// <summary>At most one recount a second, however many tickets arrive: a flood of posts costs one count per second.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly Lock gate = new();
    private readonly List<Action<FeedbackCounts>> listeners = [];
    private volatile FeedbackCounts? current;

    /// <summary>The latest counts; null until the first count has been taken.</summary>
    public FeedbackCounts? Current => current;

    /// <summary>Asks for a recount soon; cheap, and many signals in a row cause one recount.</summary>
    public void Signal()
    {
        try
        {
            if (changed.CurrentCount == 0) changed.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Calls <paramref name="listener"/> (on a background thread) whenever the counts change; dispose to stop.</summary>
    public IDisposable Subscribe(Action<FeedbackCounts> listener)
    {
        lock (gate) listeners.Add(listener);
        return new Subscription(this, listener);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var counts = await queries.CountsAsync(stoppingToken);
                if (counts != current)
                {
                    current = counts;
                    Publish(counts);
                }
                await Task.Delay(MinimumInterval, stoppingToken);
                await changed.WaitAsync(RefreshEvery - MinimumInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Counting feedback tickets failed; retrying");
                await Task.Delay(RefreshEvery, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Publish(FeedbackCounts counts)
    {
        Action<FeedbackCounts>[] snapshot;
        lock (gate) snapshot = [.. listeners];
        foreach (var listener in snapshot)
        {
            try
            {
                listener(counts);
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "A feedback counter subscriber failed");
            }
        }
    }

    private sealed class Subscription(FeedbackCounters owner, Action<FeedbackCounts> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner.gate) owner.listeners.Remove(listener);
        }
    }
}
