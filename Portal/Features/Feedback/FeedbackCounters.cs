using Portal.Features.Feedback.Board;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Notifications;
using StackExchange.Redis;

namespace Portal.Features.Feedback;

/// <summary>
/// The navigation's counters (new, overdue), computed once for every open page: within a second of a change to a
/// ticket (<see cref="RequestRecount"/>) and every few seconds (tickets become overdue as time passes). Pages hear
/// only changes, through <see cref="Changed"/>. With several nodes a recount request is also sent to the others through
/// Redis, so their counters follow within a second too (without Redis, at their next periodic count).
/// </summary>
public sealed class FeedbackCounters(TicketQueries queries, RedisConnection redis, ILogger<FeedbackCounters> logger, ILogger<ChangeSignal> signalLogger)
    : BackgroundService
{
    private const string ChannelName = "feedback-counts";

    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    /// <summary>At most one recount a second, however many tickets arrive: a flood of posts costs one count per second.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim changed = new(0, 1);
    private volatile FeedbackCounts? current;

    /// <summary>The latest counts; null until the first count has been taken.</summary>
    public FeedbackCounts? Current => current;

    /// <summary>Raised (from a background thread) when <see cref="Current"/> changes; subscribers read it then.</summary>
    public ChangeSignal Changed { get; } = new(signalLogger);

    /// <summary>Asks for a recount soon, here and on the other nodes; cheap, and many requests in a row cause one recount.</summary>
    public void RequestRecount()
    {
        Recount();
        if (!redis.Enabled) return;
        try
        {
            redis.NudgeOtherNodes(ChannelName);
        }
        catch (RedisException)
        {
            // The other nodes count again within RefreshEvery anyway.
        }
    }

    private void Recount()
    {
        try
        {
            if (changed.CurrentCount == 0) changed.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SubscribeAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var counts = await queries.CountsAsync(stoppingToken);
                if (counts != current)
                {
                    current = counts;
                    Changed.Raise();
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

    private async Task SubscribeAsync()
    {
        if (!redis.Enabled) return;
        try
        {
            await redis.OnNudgeFromOtherNodesAsync(ChannelName, Recount);
        }
        catch (RedisException error)
        {
            logger.LogWarning("The ticket counters cannot hear other nodes' changes ({Error}); they recount every {Interval}", error.Message, RefreshEvery);
        }
    }
}
