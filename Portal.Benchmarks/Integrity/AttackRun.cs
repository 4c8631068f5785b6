using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Personalizer;
using Portal.Features.Decisions;
using Portal.Features.Integrity.Detection;
using Portal.Features.Loops;
using Portal.Features.Simulation;
using Portal.Features.Training;

namespace Portal.Benchmarks.Integrity;

/// <summary>
/// The demo's traffic in simulated seconds (5 visits a second, as the demo runs): every visit is ranked and its click
/// rewarded through the product's RankService and RewardService, clicks a reading time later, the attacker's script at
/// once; the trainer runs every simulated second and the detectors every 15 s, as their timers would.
/// </summary>
public sealed class AttackRun(IServiceProvider services, ManualClock clock, string loopId, SimulatedAudience audience)
{
    private const int VisitsPerSecond = 5;
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    private readonly RankService ranker = services.GetRequiredService<RankService>();
    private readonly RewardService rewards = services.GetRequiredService<RewardService>();
    private readonly RewardSources sources = services.GetRequiredService<RewardSources>();
    private readonly DecisionTrainer trainer = services.GetRequiredService<DecisionTrainer>();
    private readonly ManipulationWatch watch = services.GetRequiredService<ManipulationWatch>();
    private readonly LoopDirectory loops = services.GetRequiredService<LoopDirectory>();
    private readonly List<(DateTimeOffset Due, string EventId, SimulatedReward Reward)> pending = [];
    private DateTimeOffset nextCheck = clock.GetUtcNow() + CheckEvery;

    public long Decisions { get; private set; }

    /// <summary>Plain visits of one country and how many of them were rewarded (the attacker's excluded).</summary>
    public SegmentTally Country { get; } = new(audience.AttackedCountry);

    /// <summary>Runs <paramref name="visits"/> visits; returns the findings opened on the way, each with the decisions made when it was opened.</summary>
    public async Task<List<(long FindingId, long AtDecision)>> RunAsync(int visits, bool attack, CancellationToken ct)
    {
        var opened = new List<(long, long)>();
        for (var done = 0; done < visits; done += VisitsPerSecond)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await DeliverDueRewardsAsync(ct);
            var loop = loops.Find(loopId)!;
            var plans = Enumerable.Range(0, Math.Min(VisitsPerSecond, visits - done)).Select(_ => audience.Next(attack)).ToList();
            await Task.WhenAll(plans.Select(plan => VisitAsync(loop, plan, ct)));
            await trainer.TrainLoopAsync(loop, ct);
            if (clock.GetUtcNow() >= nextCheck)
            {
                nextCheck += CheckEvery;
                foreach (var id in await watch.CheckAsync(loop, ct)) opened.Add((id, Decisions));
            }
        }
        return opened;
    }

    private async Task VisitAsync(LoopRuntime loop, PlannedVisit plan, CancellationToken ct)
    {
        var body = SimulatedRequest.RankBody(plan.Visit, NewsWorld.Articles);
        var request = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
        var result = await ranker.RankAsync(loop, request, Encoding.UTF8.GetString(body), globalPrivacyControl: false, hashed: null, actionsJson: null, ct);
        Decisions++;
        var shown = NewsWorld.Articles.First(a => a.Id == result.Response!.RewardActionId);
        var reward = audience.RewardFor(plan, shown, loop.Settings.RewardWaitTime);
        Country.Count(plan, reward is not null);
        if (reward is not { } due) return;
        if (due.After == TimeSpan.Zero) await rewards.RewardAsync(loop, result.Response!.EventId, due.Value, sources.Of(due.From), ct);
        else lock (pending) pending.Add((clock.GetUtcNow() + due.After, result.Response!.EventId, due));
    }

    private async Task DeliverDueRewardsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<(DateTimeOffset Due, string EventId, SimulatedReward Reward)> due;
        lock (pending)
        {
            due = pending.Where(p => p.Due <= now).ToList();
            pending.RemoveAll(p => p.Due <= now);
        }
        var loop = loops.Find(loopId)!;
        await Task.WhenAll(due.Select(p => rewards.RewardAsync(loop, p.EventId, p.Reward.Value, sources.Of(p.Reward.From), ct)));
    }
}

/// <summary>The reward rate of the plain (not scripted) visits of one country, since the last reset.</summary>
public sealed class SegmentTally(string country)
{
    private int visits;
    private int rewarded;

    public void Count(PlannedVisit plan, bool wasRewarded)
    {
        if (plan.Scripted || plan.Visit.Country != country) return;
        Interlocked.Increment(ref visits);
        if (wasRewarded) Interlocked.Increment(ref rewarded);
    }

    public (int Visits, int Rewarded) TakeAndReset() => (Interlocked.Exchange(ref visits, 0), Interlocked.Exchange(ref rewarded, 0));
}
