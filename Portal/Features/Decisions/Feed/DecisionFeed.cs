using System.Collections.Immutable;

namespace Portal.Features.Decisions.Feed;

/// <summary>
/// The in-process broadcaster of committed decisions and rewards to open pages (the live stream). Publishing costs
/// one volatile read when nobody watches and never blocks: each subscriber has its own bounded queue that drops its
/// oldest items, so a slow or dead page can never slow Rank.
/// </summary>
public sealed class DecisionFeed
{
    public const int DefaultCapacity = 2000;
    private ImmutableArray<FeedSubscription> subscribers = [];

    public bool HasSubscribers => !subscribers.IsEmpty;

    public int SubscriberCount => subscribers.Length;

    public FeedSubscription Subscribe(int capacity = DefaultCapacity)
    {
        var subscription = new FeedSubscription(capacity, Remove);
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(subscription));
        return subscription;
    }

    public void Publish(FeedItem item)
    {
        foreach (var subscriber in subscribers) subscriber.Offer(item);
    }

    private void Remove(FeedSubscription subscription) =>
        ImmutableInterlocked.Update(ref subscribers, list => list.Remove(subscription));
}
