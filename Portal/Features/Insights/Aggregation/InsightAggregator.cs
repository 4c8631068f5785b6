using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Features.Loops;
using Portal.Features.Segments;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// Folds settled decisions into the analytics tables, in commit order from each source's cursor (like the trainer, a
/// decision is settled once the loop's reward wait has passed: its reward is final then). New or edited saved segments
/// start from the oldest logged decision. Pages then sum a few thousand hourly rows instead of reading every decision.
/// Hours past the loop's log retention are removed by Decisions' retention purge (see <see cref="AggregatesOfLog"/>).
/// On several nodes only the one holding the trainer lease aggregates, and its writes are fenced by that lease, so no
/// batch is ever counted by two nodes.
/// </summary>
public sealed class InsightAggregator(
    LoopDirectory loops,
    SegmentCatalog segments,
    AggregateStore store,
    TrainerLease lease,
    IOptions<InsightsOptions> options,
    TimeProvider clock,
    ILogger<InsightAggregator> logger) : BackgroundService
{
    private sealed class LoopState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public FeatureValueRegistry? Registry { get; set; }
        public DecisionFolder Folder { get; } = new();
    }

    private readonly ConcurrentDictionary<string, LoopState> states = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AggregationInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await AggregateAllAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Rounds over every loop, one paced batch per loop and round, until no loop has a full batch left: a loop logging
    /// more than a batch per interval is followed at the aggregator's whole share of a core instead of waiting for the
    /// next tick, and a long backlog of one loop does not hold up the others. Public for tests.
    /// </summary>
    public async Task AggregateAllAsync(CancellationToken ct)
    {
        bool behind;
        do
        {
            behind = false;
            foreach (var loop in loops.All) behind |= await AggregatePacedBatchAsync(loop, ct);
        }
        while (behind);
    }

    /// <summary>
    /// Aggregates batches until the loop is caught up; returns the decisions read (none on a node without the trainer
    /// lease). For tests, benchmarks and start-up catch-up: it first lets the lease's first round decide.
    /// </summary>
    public async Task<long> CatchUpAsync(LoopRuntime loop, CancellationToken ct)
    {
        await lease.FirstRound.WaitAsync(ct);
        long total = 0;
        int read;
        while ((read = await AggregateBatchAsync(loop, ct)) > 0) total += read;
        return total;
    }

    /// <summary>One batch of at most AggregationBatchSize decisions; returns how many were read (0: caught up, or not this node's work).</summary>
    public async Task<int> AggregateBatchAsync(LoopRuntime loop, CancellationToken ct)
    {
        if (lease.Current is not { } term) return 0;
        var state = states.GetOrAdd(loop.Id, _ => new LoopState());
        await state.Gate.WaitAsync(ct);
        try
        {
            var sources = await SourcesAsync(loop.Id, ct);
            state.Registry ??= await RegistryAsync(loop.Id, ct);
            var from = sources.Min(s => s.LastSeq);
            var decisions = await store.ReadSettledAsync(loop.Id, from, clock.GetUtcNow() - loop.Settings.RewardWaitTime,
                options.Value.AggregationBatchSize, ct);
            if (decisions.Count == 0) return 0;
            var batch = new AggregateBatch { FirstSeq = decisions[0].Seq, LastSeq = decisions[^1].Seq, DecisionsRead = decisions.Count };
            foreach (var decision in decisions) state.Folder.Fold(decision, sources, state.Registry, loop.Settings.DefaultReward, batch);
            await store.WriteAsync(loop.Id, batch, sources, term, ct);
            return decisions.Count;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>One batch of the loop, then a rest in proportion to its work; true when the batch was full (more may be settled).</summary>
    private async Task<bool> AggregatePacedBatchAsync(LoopRuntime loop, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (await AggregateBatchAsync(loop, ct) < options.Value.AggregationBatchSize) return false;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Aggregating decisions of loop {Loop} failed; it will be retried", loop.Id);
            return false;
        }
        // Rest in proportion to the work just done: at most `share` of a core, whatever the load.
        var share = options.Value.AggregationMaxBusyShare;
        if (share < 1) await Task.Delay(Stopwatch.GetElapsedTime(started) * ((1 - share) / share), clock, ct);
        return true;
    }

    /// <summary>The features source and one source per saved segment of the loop; new or edited segments start over, removed ones are dropped.</summary>
    private async Task<List<AggregationSource>> SourcesAsync(string loopId, CancellationToken ct)
    {
        var cursors = (await store.CursorsAsync(loopId, ct)).ToDictionary(c => c.Source, StringComparer.Ordinal);
        var sources = new List<AggregationSource>
        {
            new(AggregationSource.FeaturesName, null, cursors.GetValueOrDefault(AggregationSource.FeaturesName)?.LastSeq ?? 0),
        };
        var wanted = new HashSet<string>(StringComparer.Ordinal) { AggregationSource.FeaturesName };
        foreach (var segment in segments.For(loopId))
        {
            var name = AggregationSource.SegmentName(segment.Id);
            var hash = HashOf(segment);
            wanted.Add(name);
            var source = new AggregationSource(name, hash, 0, segment.Id, segment.Predicate);
            if (cursors.TryGetValue(name, out var cursor) && cursor.DefinitionHash == hash) source = source with { LastSeq = cursor.LastSeq };
            else await store.ResetSourceAsync(loopId, source, ct);
            sources.Add(source);
        }
        foreach (var stale in cursors.Keys.Where(name => !wanted.Contains(name)))
        {
            if (long.TryParse(stale.AsSpan("segment:".Length), out var id)) await store.DropSourceAsync(loopId, stale, id, ct);
        }
        return sources;
    }

    private async Task<FeatureValueRegistry> RegistryAsync(string loopId, CancellationToken ct)
    {
        var registry = new FeatureValueRegistry(options.Value.MaxValuesPerFeature);
        registry.Load(await store.KnownValuesAsync(loopId, ct));
        return registry;
    }

    private static string HashOf(SegmentCatalog.Entry segment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SegmentJson.Write(segment.Predicate.Definition))));
}
