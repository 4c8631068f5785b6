using Microsoft.Extensions.Options;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Decisions.Retention;

/// <summary>
/// Runs the <see cref="RetentionPurge"/> every PurgeInterval; the first run one interval after start-up, which is busy
/// enough. On several nodes only the trainer lease's holder runs it (as it alone aggregates analytics): one purge
/// removes the rows for all, and the audit log gets one entry per loop and run instead of one per node.
/// </summary>
public sealed class RetentionSchedule(RetentionPurge purge, TrainerLease lease, IOptions<LogRetentionOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (lease.IsHeld) await purge.PurgeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
