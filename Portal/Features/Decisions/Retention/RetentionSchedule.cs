using Microsoft.Extensions.Options;

namespace Portal.Features.Decisions.Retention;

/// <summary>Runs the <see cref="RetentionPurge"/> every PurgeInterval; the first run one interval after start-up, which is busy enough.</summary>
public sealed class RetentionSchedule(RetentionPurge purge, IOptions<LogRetentionOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await purge.PurgeAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
