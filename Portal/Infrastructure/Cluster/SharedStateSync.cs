using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using StackExchange.Redis;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// Keeps this node's shared state (<see cref="ISharedState"/>) in step with the other nodes': it wakes on another
/// node's announcement or every <see cref="RedisOptions.StateCheckInterval"/>, reads the database's shared-state version
/// (one row by its key) and reloads everything when the version moved. The message makes it fast; the check makes it
/// sure, with Redis gone too.
/// </summary>
public sealed class SharedStateSync(
    RedisConnection redis,
    IEnumerable<ISharedState> states,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<RedisOptions> options,
    ILogger<SharedStateSync> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);
    private long applied = -1;
    private bool failing;

    /// <summary>The version this node's state reflects (-1 before the first check).</summary>
    public long AppliedVersion => Interlocked.Read(ref applied);

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
        long version;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            version = await db.SharedStateVersions.Where(v => v.Id == SharedStateVersion.SingleRowId).Select(v => v.Version).SingleAsync(ct);
        }
        if (failing) logger.LogInformation("The shared-state check reaches the database again");
        failing = false;
        if (version == AppliedVersion) return;
        foreach (var state in states) await state.ReloadAsync(ct);
        Interlocked.Exchange(ref applied, version);
    }

    /// <summary>StackExchange.Redis keeps the subscription across reconnects; one that could not be made at all is left to the check.</summary>
    private async Task SubscribeAsync()
    {
        try
        {
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(redis.Channel(SharedStateChanges.ChannelName), (_, sender) =>
            {
                if (sender != redis.NodeId) Wake();
            });
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
