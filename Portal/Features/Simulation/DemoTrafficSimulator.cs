using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Contracts.Personalizer;
using Portal.Features.Decisions;
using Portal.Features.Loops;

namespace Portal.Features.Simulation;

/// <summary>
/// Feeds the demo loop with simulated visitors through the same path as an external client's Rank and Reward:
/// the JSON body is parsed and validated like the endpoint's, ranked by the RankService, committed by the log
/// writer, and a click is reported as reward 1 (no click: the loop's default reward after the wait time).
/// </summary>
public sealed class DemoTrafficSimulator(
    IOptions<SimulatorOptions> options,
    LoopDirectory loops,
    RankService ranker,
    RewardService rewards,
    TimeProvider clock,
    ILogger<DemoTrafficSimulator> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly NewsWorld world = new(Random.Shared);
    private long decisions;

    public long Decisions => Interlocked.Read(ref decisions);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        logger.LogInformation("Demo traffic: {Rate} decisions/s into loop '{Loop}'", options.Value.DecisionsPerSecond, DemoLoopOptions.LoopId);
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
                var visits = new Task[due];
                for (var i = 0; i < due; i++) visits[i] = VisitAsync(loop, stoppingToken);
                await Task.WhenAll(visits);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task VisitAsync(LoopRuntime loop, CancellationToken ct)
    {
        try
        {
            var visit = world.NextVisit();
            var body = SimulatedRequest.RankBody(visit, NewsWorld.Articles);
            var request = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
            if (RankRequestValidator.Validate(request) is { } problem) throw new InvalidOperationException(problem);

            var result = await ranker.RankAsync(loop, request, Encoding.UTF8.GetString(body), globalPrivacyControl: false, ct);
            Interlocked.Increment(ref decisions);
            var shown = NewsWorld.Articles.First(a => a.Id == result.Response!.RewardActionId);
            if (world.Clicks(visit, shown))
                await rewards.RewardAsync(loop, result.Response!.EventId, 1.0, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "A simulated visit failed");
        }
    }
}
