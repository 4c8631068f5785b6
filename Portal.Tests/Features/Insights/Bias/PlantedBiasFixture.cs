using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Bias;

/// <summary>
/// A loop fed with 6,000 seeded demo visits (twenty minutes of the default 5 decisions/s), learned from and aggregated:
/// what the bias page of a freshly started demo shows after a few minutes.
/// </summary>
public sealed class PlantedBiasFixture : IAsyncLifetime
{
    public const int Visits = 6_000;

    public PortalAppFactory App { get; } = new();
    public string LoopId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        (LoopId, _) = await App.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        await SeededDemoTraffic.RunAsync(App.Services, LoopId, Visits, seed: 2026);
        await AggregatedAsync(App, LoopId, DateTimeOffset.UtcNow);
    }

    /// <summary>Waits until every decision logged before <paramref name="sent"/> has settled and been aggregated.</summary>
    public static async Task AggregatedAsync(PortalAppFactory app, string loopId, DateTimeOffset sent)
    {
        var aggregator = app.Services.GetRequiredService<InsightAggregator>();
        var loop = app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!;
        await Eventually.TrueAsync(async () => DateTimeOffset.UtcNow > sent + loop.Settings.RewardWaitTime + TimeSpan.FromMilliseconds(200)
                                               && await aggregator.CatchUpAsync(loop, CancellationToken.None) == 0, seconds: 60);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
