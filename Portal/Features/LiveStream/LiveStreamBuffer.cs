using System.Text;
using System.Text.Json;
using Portal.Data.Entities;
using Portal.Features.Decisions.Feed;
using Portal.Features.Segments;

namespace Portal.Features.LiveStream;

/// <summary>
/// One open stream page's bounded view of the decision feed. A pump reads the page's own feed queue (which drops its
/// oldest items if the page falls behind), keeps the newest <see cref="Capacity"/> matching rows, fills in rewards,
/// and counts what was never shown. The page takes a snapshot a few times per second: memory stays bounded however
/// fast decisions arrive, and nothing here can slow Rank down.
/// </summary>
public sealed class LiveStreamBuffer : IAsyncDisposable
{
    public const int Capacity = 100;

    private readonly FeedSubscription subscription;
    private readonly SegmentCatalog segments;
    private readonly LinkedList<StreamRow> rows = new();
    private readonly Dictionary<(string, string), LinkedListNode<StreamRow>> byEvent = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task pump;
    private IReadOnlyList<StreamRow>? pausedView;
    private long evictedUnseen, received, version;

    public LiveStreamBuffer(DecisionFeed feed, SegmentCatalog segments, IEnumerable<StreamRow> history)
    {
        this.segments = segments;
        subscription = feed.Subscribe();
        foreach (var row in history.Reverse()) Add(row);
        pump = Task.Run(PumpAsync);
    }

    private volatile StreamFilter filter = StreamFilter.All;

    public StreamFilter Filter => filter;

    /// <summary>Changes increase it: the page renders only when it moved.</summary>
    public long Version => Interlocked.Read(ref version);

    public long Received => Interlocked.Read(ref received);

    /// <summary>Decisions this page never showed: its queue overflowed, or newer rows pushed them out between renders.</summary>
    public long Skipped => subscription.Dropped + Interlocked.Read(ref evictedUnseen);

    public bool Paused => pausedView is not null;

    /// <summary>Decisions the page's own queue dropped because the pump fell behind.</summary>
    internal long QueueDropped => subscription.Dropped;

    /// <summary>
    /// A new filter starts from fresh rows (earlier ones were kept only if they matched the old filter): the recent
    /// history that matches the new one, newest first.
    /// </summary>
    public void Apply(StreamFilter newFilter, IEnumerable<StreamRow> matchingHistory)
    {
        lock (gate)
        {
            filter = newFilter;
            rows.Clear();
            byEvent.Clear();
            foreach (var row in matchingHistory.Reverse()) Add(row);
            Changed();
        }
    }

    public void Pause()
    {
        lock (gate) pausedView = Snapshot(markShown: true);
    }

    public void Resume()
    {
        lock (gate) pausedView = null;
        Changed();
    }

    /// <summary>The rows to render, newest first (while paused: the rows as they were when paused).</summary>
    public IReadOnlyList<StreamRow> Take()
    {
        lock (gate) return pausedView ?? Snapshot(markShown: true);
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var item in subscription.Reader.ReadAllAsync(stopping.Token))
            {
                if (item is DecidedItem decided) OnDecided(decided);
                else if (item is RewardedItem rewarded) OnRewarded(rewarded);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnDecided(DecidedItem item)
    {
        Interlocked.Increment(ref received);
        var overridden = (item.Oversight & ~OversightEffects.ModelFrozen) != 0;
        if (!filter.Admits(item.LoopId, item.ChosenActionId, item.Explored, overridden, item.Context)) return;
        var row = new StreamRow
        {
            LoopId = item.LoopId, EventId = item.EventId, CreatedAt = item.CreatedAt, ChosenActionId = item.ChosenActionId,
            Probability = item.ChosenProbability, Explored = item.Explored, BaselineActionId = item.BaselineActionId,
            Oversight = item.Oversight, OversightDetail = item.OversightDetail, Context = item.Context,
        };
        lock (gate)
        {
            Add(row);
            Changed();
        }
    }

    private void OnRewarded(RewardedItem item)
    {
        lock (gate)
        {
            if (!byEvent.TryGetValue((item.LoopId, item.EventId), out var node)) return;
            var row = node.Value;
            row.Reward = item.Aggregation == RewardAggregation.Sum || row.Reward is null ? (row.Reward ?? 0) + item.Value : row.Reward;
            row.RewardCount++;
            Changed();
        }
    }

    private void Add(StreamRow row)
    {
        byEvent[(row.LoopId, row.EventId)] = rows.AddFirst(row);
        while (rows.Count > Capacity)
        {
            var oldest = rows.Last!.Value;
            if (!oldest.Shown) Interlocked.Increment(ref evictedUnseen);
            byEvent.Remove((oldest.LoopId, oldest.EventId));
            rows.RemoveLast();
        }
    }

    private List<StreamRow> Snapshot(bool markShown)
    {
        var list = new List<StreamRow>(rows.Count);
        foreach (var row in rows)
        {
            if (markShown && !row.Shown)
            {
                row.Describe(segments);
                row.Shown = true;
            }
            list.Add(row);
        }
        return list;
    }

    private void Changed() => Interlocked.Increment(ref version);

    /// <summary>The saved segments of the loop that this context falls in.</summary>
    public static IReadOnlyList<string> SegmentsOf(SegmentCatalog catalog, string loopId, IReadOnlyList<JsonElement> context) =>
        catalog.For(loopId).Where(s => s.Predicate.Matches(context)).Select(s => s.Name).ToList();

    /// <summary>The context's categorical values in a line: <c>ageBand=65+ · country=DE · device=mobile</c>.</summary>
    public static string Summary(IReadOnlyList<JsonElement> context)
    {
        var text = new StringBuilder();
        foreach (var (feature, value) in ContextFeatures.Categories(context))
        {
            if (text.Length > 0) text.Append(" · ");
            text.Append(feature[(feature.LastIndexOf('.') + 1)..]).Append('=').Append(value);
            if (text.Length > 160) break;
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        subscription.Dispose();
        await stopping.CancelAsync();
        await pump;
        stopping.Dispose();
    }
}
