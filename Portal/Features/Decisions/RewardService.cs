using Portal.Features.Decisions.Feed;
using Portal.Features.Decisions.Log;
using Portal.Features.Loops;

namespace Portal.Features.Decisions;

/// <summary>Reward and Activate: committed by the log writer, then announced to open pages.</summary>
public sealed class RewardService(DecisionLogWriter log, DecisionFeed feed)
{
    /// <param name="source">Who sent it, as <see cref="RewardSources"/> names callers: logged for manipulation detection.</param>
    public async Task<LogWriteResult> RewardAsync(LoopRuntime loop, string eventId, double value, string source, CancellationToken ct)
    {
        var result = await log.RewardAsync(loop.Id, eventId, value, loop.Settings.RewardAggregation, source, ct);
        if (result == LogWriteResult.Committed && feed.HasSubscribers)
            feed.Publish(new RewardedItem(loop.Id, eventId, value, loop.Settings.RewardAggregation));
        return result;
    }

    public Task<LogWriteResult> ActivateAsync(LoopRuntime loop, string eventId, CancellationToken ct) =>
        log.ActivateAsync(loop.Id, eventId, ct);
}
