using Microsoft.Extensions.Options;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Learning.Models;

/// <summary>
/// Keeps every node serving the newest stored model: every <see cref="ClusterOptions.ModelPollInterval"/> it reads the
/// stored models' versions (one small query) and loads those newer than what the node holds. On the trainer it loads only
/// models another node replaced (a reset or rollback); the trainer's own saves are what it already holds.
/// </summary>
public sealed class ModelFollower(ModelRegistry models, TrainerLease lease, IOptions<ClusterOptions> options, TimeProvider clock,
    ILogger<ModelFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ModelPollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await models.RefreshAsync(ownLineToo: !lease.IsHeld, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogWarning(error, "Newer stored models could not be read; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
