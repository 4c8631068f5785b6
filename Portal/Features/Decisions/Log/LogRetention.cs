using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Loops;

namespace Portal.Features.Decisions.Log;

/// <summary>Deletes decisions older than each loop's logRetentionDays, once an hour (-1 keeps them forever).</summary>
public sealed class LogRetention(LoopDirectory loops, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<LogRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Log retention failed; it will run again in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var deleted = 0;
        foreach (var loop in loops.All.Where(l => l.Settings.LogRetentionDays > 0))
        {
            var cutoff = clock.GetUtcNow().AddDays(-loop.Settings.LogRetentionDays);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            deleted += await db.Decisions.Where(d => d.LoopId == loop.Id && d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        }
        return deleted;
    }
}
