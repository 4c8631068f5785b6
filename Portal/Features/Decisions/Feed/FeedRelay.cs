using System.Text.Json;
using Portal.Infrastructure.Cluster;
using StackExchange.Redis;

namespace Portal.Features.Decisions.Feed;

/// <summary>
/// The live stream across nodes, through one Redis channel. A node subscribes to it while it has pages open, and sends
/// its own decisions and rewards to it while another node subscribes (asked once a second), in batches of what
/// 50 ms gathered: with no page open anywhere, nothing is serialized or sent and Rank pays nothing. Items from other
/// nodes go to this node's pages only. Redis gone: each node's pages show its own traffic until it returns.
/// </summary>
public sealed class FeedRelay(DecisionFeed feed, RedisConnection redis, ILogger<FeedRelay> logger) : BackgroundService
{
    public const string ChannelName = "decision-feed";
    private const int Capacity = 20_000;
    private const int MaxBatch = 500;
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Batch(string Node, FeedItem[] Items);

    private bool receiving, failing;
    private FeedSubscription? outbound;
    private Task sending = Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.Enabled) return;
        using var timer = new PeriodicTimer(CheckEvery);
        try
        {
            do
            {
                try
                {
                    await AdjustAsync(stoppingToken);
                    failing = false;
                }
                catch (RedisException error)
                {
                    if (!failing) logger.LogWarning("The live stream cannot reach the other nodes through Redis ({Error}); retrying every second", error.Message);
                    failing = true;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        StopSending();
        await sending;
    }

    /// <summary>Receives while this node has pages open; sends while another node does.</summary>
    private async Task AdjustAsync(CancellationToken ct)
    {
        var subscriber = redis.Multiplexer.GetSubscriber();
        var channel = redis.Channel(ChannelName);
        var pages = feed.HasPages;
        if (pages && !receiving)
        {
            await subscriber.SubscribeAsync(channel, (_, message) => Receive(message));
            receiving = true;
        }
        else if (!pages && receiving)
        {
            await subscriber.UnsubscribeAsync(channel);
            receiving = false;
        }

        var listeners = (long)(await redis.Multiplexer.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", (RedisValue)channel.ToString()))[1];
        var othersWatch = listeners - (receiving ? 1 : 0) > 0;
        if (othersWatch && outbound is null)
        {
            outbound = feed.SubscribeRelay(Capacity);
            sending = Task.Run(() => SendAsync(outbound, subscriber, channel, ct), CancellationToken.None);
        }
        else if (!othersWatch && outbound is not null)
        {
            StopSending();
            await sending;
        }
    }

    private void StopSending()
    {
        outbound?.Dispose();
        outbound = null;
    }

    private async Task SendAsync(FeedSubscription items, ISubscriber subscriber, RedisChannel channel, CancellationToken ct)
    {
        var batch = new List<FeedItem>(MaxBatch);
        try
        {
            while (await items.Reader.WaitToReadAsync(ct))
            {
                await Task.Delay(Gather, ct);
                while (batch.Count < MaxBatch && items.Reader.TryRead(out var item)) batch.Add(item);
                var message = JsonSerializer.SerializeToUtf8Bytes(new Batch(redis.NodeId, [.. batch]), Json);
                batch.Clear();
                try
                {
                    await subscriber.PublishAsync(channel, message);
                }
                catch (RedisException error)
                {
                    logger.LogDebug("A live-stream batch was not sent ({Error})", error.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var batch = JsonSerializer.Deserialize<Batch>((byte[])message!, Json);
            if (batch is null || batch.Node == redis.NodeId) return;
            foreach (var item in batch.Items) feed.PublishFromOtherNode(item);
        }
        catch (JsonException error)
        {
            logger.LogWarning("A live-stream message from another node could not be read ({Error})", error.Message);
        }
    }
}
