using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Contracts.Personalizer;
using Portal.Features.Decisions;
using Portal.Features.Decisions.Log;
using Portal.Features.Loops;

namespace Portal.Features.Simulation;

/// <summary>
/// Feeds the demo loop with simulated visitors through the same path as an external client's Rank and Reward:
/// the JSON body is parsed and validated like the endpoint's, ranked by the RankService, committed by the log
/// writer, and a click is reported as reward 1 a moment later (no click: the loop's default reward after the wait time).
/// When <see cref="SimulatedAttackOptions"/> is enabled, a share of the visits is an attacker's script instead
/// (see <see cref="SimulatedAudience"/>).
/// </summary>
public sealed class DemoTrafficSimulator(
    IOptions<SimulatorOptions> options,
    LoopDirectory loops,
    RankService ranker,
    RewardService rewards,
    RewardSources sources,
    TimeProvider clock,
    ILogger<DemoTrafficSimulator> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly SimulatedAudience audience = new(options.Value.Attack, Random.Shared);
    private long decisions;
    private long attackDecisions;
    private DateTimeOffset startedAt;

    public long Decisions => Interlocked.Read(ref decisions);

    /// <summary>Decisions the simulated attacker asked for (part of <see cref="Decisions"/>).</summary>
    public long AttackDecisions => Interlocked.Read(ref attackDecisions);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        logger.LogInformation("Demo traffic: {Rate} decisions/s into loop '{Loop}'", options.Value.DecisionsPerSecond, DemoLoopOptions.LoopId);
        var attack = options.Value.Attack;
        if (attack.Enabled)
            logger.LogWarning("Demo traffic will stage an attack {Start} after start: fake rewards for '{Action}' from country {Country}, {Share:P0} of visits",
                attack.StartAfter, attack.ActionId, attack.Country, attack.Share);
        startedAt = clock.GetUtcNow();
        using var timer = new PeriodicTimer(Tick, clock);
        var owed = 0.0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (loops.Find(DemoLoopOptions.LoopId) is not { } loop) continue;
                owed += options.Value.DecisionsPerSecond * Tick.TotalSeconds;
                var due = (int)owed;
                owed -= due;
                var attackRunning = attack.IsActiveAt(clock.GetUtcNow() - startedAt);
                var visits = new Task[due];
                for (var i = 0; i < due; i++) visits[i] = VisitAsync(loop, audience.Next(attackRunning), stoppingToken);
                await Task.WhenAll(visits);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task VisitAsync(LoopRuntime loop, PlannedVisit plan, CancellationToken ct)
    {
        try
        {
            var body = SimulatedRequest.RankBody(plan.Visit, NewsWorld.Articles);
            var request = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
            if (RankRequestValidator.Validate(request) is { } problem) throw new InvalidOperationException(problem);

            var result = await ranker.RankAsync(loop, request, new LoggedText(body), globalPrivacyControl: false, hashed: null, actionsJson: null, ct);
            Interlocked.Increment(ref decisions);
            if (plan.Scripted) Interlocked.Increment(ref attackDecisions);
            var shown = NewsWorld.Articles.First(a => a.Id == result.Response!.RewardActionId);
            if (audience.RewardFor(plan, shown, loop.Settings.RewardWaitTime) is not { } reward) return;
            // The attacker's script answers at once; a visitor's click comes after reading, without holding up the next visits.
            if (reward.After == TimeSpan.Zero) await SendAsync(loop, result.Response!.EventId, reward, ct);
            else _ = SendLaterAsync(loop, result.Response!.EventId, reward, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "A simulated visit failed");
        }
    }

    private async Task SendLaterAsync(LoopRuntime loop, string eventId, SimulatedReward reward, CancellationToken ct)
    {
        try
        {
            await Task.Delay(reward.After, clock, ct);
            await SendAsync(loop, eventId, reward, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "A simulated click could not be reported");
        }
    }

    private Task SendAsync(LoopRuntime loop, string eventId, SimulatedReward reward, CancellationToken ct) =>
        rewards.RewardAsync(loop, eventId, reward.Value, sources.Of(reward.From), ct);
}
