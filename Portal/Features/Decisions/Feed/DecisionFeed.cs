using System.Collections.Immutable;

namespace Portal.Features.Decisions.Feed;

/// <summary>
/// The in-process broadcaster of committed decisions and rewards to open pages (the live stream). Publishing costs
/// one volatile read when nobody watches and never blocks: each subscriber has its own bounded queue that drops its
/// oldest items, so a slow or dead page can never slow Rank. With several nodes, <see cref="FeedRelay"/> holds one more
/// subscription while another node's pages watch, and hands this node's pages the other nodes' items.
/// </summary>
public sealed class DecisionFeed
{
    public const int DefaultCapacity = 2000;
    private ImmutableArray<FeedSubscription> subscribers = [];

    public bool HasSubscribers => !subscribers.IsEmpty;

    public int SubscriberCount => subscribers.Length;

    /// <summary>Open pages of this node (the relay's subscription not counted).</summary>
    public bool HasPages => subscribers.Any(s => !s.Relay);

    public FeedSubscription Subscribe(int capacity = DefaultCapacity) => Add(new FeedSubscription(capacity, Remove, relay: false));

    /// <summary>What this node sends to the other nodes' pages.</summary>
    internal FeedSubscription SubscribeRelay(int capacity) => Add(new FeedSubscription(capacity, Remove, relay: true));

    /// <summary>Something committed on this node: to its pages and, while other nodes watch, to them.</summary>
    public void Publish(FeedItem item)
    {
        foreach (var subscriber in subscribers) subscriber.Offer(item);
    }

    /// <summary>Something committed on another node: to this node's pages only (never relayed again).</summary>
    internal void PublishFromOtherNode(FeedItem item)
    {
        foreach (var subscriber in subscribers)
        {
            if (!subscriber.Relay) subscriber.Offer(item);
        }
    }

    private FeedSubscription Add(FeedSubscription subscription)
    {
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(subscription));
        return subscription;
    }

    private void Remove(FeedSubscription subscription) =>
        ImmutableInterlocked.Update(ref subscribers, list => list.Remove(subscription));
}
