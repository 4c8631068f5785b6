using System.Threading.Channels;

namespace Portal.Features.Decisions.Feed;

/// <summary>
/// One open page's view of the feed: a bounded queue that drops its oldest items when the page falls behind, and
/// the count of what it dropped. Dispose it when the page closes.
/// </summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly Action<FeedSubscription> unsubscribe;
    private readonly Channel<FeedItem> channel;
    private long dropped;

    internal FeedSubscription(int capacity, Action<FeedSubscription> unsubscribe, bool relay)
    {
        this.unsubscribe = unsubscribe;
        Relay = relay;
        channel = Channel.CreateBounded<FeedItem>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref dropped));
    }

    public ChannelReader<FeedItem> Reader => channel.Reader;

    /// <summary>The relay to other nodes, not a page.</summary>
    internal bool Relay { get; }

    /// <summary>Items this page never saw because it was too slow.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Never blocks: a full queue drops its oldest item.</summary>
    internal void Offer(FeedItem item) => channel.Writer.TryWrite(item);

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }
}
