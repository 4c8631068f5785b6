using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability.GoLive;
using Portal.Infrastructure.Security;

namespace Portal.Features.Loops;

/// <summary>
/// At start-up: creates the demo loop when it is enabled and missing (recording its go-live review as Portal's, labelled
/// as the demo's, so that the demo shows learning), makes its key match <c>Portal:DemoLoop:ApiKey</c> when that is set,
/// and loads the loop directory before any Rank is served.
/// </summary>
public sealed class LoopStartup(
    IOptions<DemoLoopOptions> demo,
    IDbContextFactory<PortalDbContext> dbFactory,
    LoopProvisioning provisioning,
    GoLiveReviews goLiveReviews,
    GoLiveQueries goLive,
    LoopDirectory directory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (demo.Value.Enabled) await EnsureDemoLoopAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
    }

    private async Task EnsureDemoLoopAsync(CancellationToken ct)
    {
        var configuredKey = demo.Value.ApiKey is { Length: > 0 } key ? key : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Loops.AsNoTracking().FirstOrDefaultAsync(l => l.Id == DemoLoopOptions.LoopId, ct);
        if (existing is null)
        {
            var settings = LoopSettings.Default with { RewardWaitTime = demo.Value.RewardWaitTime };
            var created = await provisioning.CreateAsync(DemoLoopOptions.LoopId, "Demo: news articles", settings, configuredKey, Actor.System, ct);
            if (created.Error is not null) throw new InvalidOperationException($"Could not create the demo loop: {created.Error}");
            if (configuredKey is null) PrintKey(created.ApiKey!);
        }
        if (existing is null || !await goLive.EverReviewedAsync(DemoLoopOptions.LoopId, ct))
        {
            // Never reviewed (a review a person withdrew stays withdrawn).
            var reviewed = await goLiveReviews.RecordForDemoAsync(DemoLoopOptions.LoopId, ct);
            if (!reviewed.Succeeded) throw new InvalidOperationException($"Could not record the demo loop's go-live review: {reviewed.Message}");
        }
        if (existing is not null && configuredKey is not null && existing.ApiKeyHash != ApiKeys.Hash(configuredKey))
        {
            await provisioning.RotateKeyAsync(DemoLoopOptions.LoopId, configuredKey, Actor.System, ct);
        }
    }

    private static void PrintKey(string key) => Console.WriteLine($"""

        ==================================================================
         Demo loop 'demo' created. Its API key (shown only once):
           {key}
         Send it as the Ocp-Apim-Subscription-Key header to
           POST /personalizer/v1.0/rank
        ==================================================================

        """);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
