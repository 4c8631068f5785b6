using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using StackExchange.Redis;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// Keeps this node's shared state (<see cref="ISharedState"/>) in step with the other nodes': it wakes on another
/// node's announcement or every <see cref="RedisOptions.StateCheckInterval"/>, reads the database's shared-state versions
/// (one row per topic, by key) and reloads the states of each topic whose version moved. The message makes it fast; the
/// check makes it sure, with Redis gone too.
/// </summary>
public sealed class SharedStateSync(
    RedisConnection redis,
    IEnumerable<ISharedState> states,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<RedisOptions> options,
    ILogger<SharedStateSync> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly Dictionary<int, long> applied = [];
    private bool failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.Enabled) return;
        await SubscribeAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                await wake.WaitAsync(options.Value.StateCheckInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                if (!failing) logger.LogWarning(error, "Checking the shared state against the database failed; retrying every {Interval}", options.Value.StateCheckInterval);
                failing = true;
                await Task.Delay(options.Value.StateCheckInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Reads the version first, then reloads: a change committed in between moves the version again, so it is never skipped.</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        Dictionary<int, long> versions;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            versions = await db.SharedStateVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Version, ct);
        }
        if (failing) logger.LogInformation("The shared-state check reaches the database again");
        failing = false;
        foreach (var (topic, version) in versions)
        {
            if (applied.TryGetValue(topic, out var known) && known == version) continue;
            foreach (var state in states.Where(s => (int)s.Topic == topic)) await state.ReloadAsync(ct);
            applied[topic] = version;
        }
    }

    /// <summary>StackExchange.Redis keeps the subscription across reconnects; one that could not be made at all is left to the check.</summary>
    private async Task SubscribeAsync()
    {
        try
        {
            await redis.OnNudgeFromOtherNodesAsync(SharedStateChanges.ChannelName, Wake);
        }
        catch (RedisException error)
        {
            logger.LogWarning("Subscribing to shared-state changes failed ({Error}); this node relies on the database check", error.Message);
        }
    }

    private void Wake()
    {
        try
        {
            if (wake.CurrentCount == 0) wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}
