using Microsoft.EntityFrameworkCore;
using Portal.Data;
using StackExchange.Redis;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// How a change to shared state reaches the other nodes: <see cref="StampAsync"/> raises the database's version in the
/// change's own transaction (so the nodes' periodic check finds it even if every message is lost), and
/// <see cref="Announce"/>, after the commit and the local reload, tells them at once through Redis. Both do nothing on
/// a single node.
/// </summary>
public sealed class SharedStateChanges(RedisConnection redis, ILogger<SharedStateChanges> logger)
{
    public const string ChannelName = "shared-state";

    public async Task StampAsync(PortalDbContext db, CancellationToken ct, SharedTopic topic = SharedTopic.Serving)
    {
        if (!redis.Enabled) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The shared-state version must be raised in the same transaction as its change.");
        await db.SharedStateVersions.Where(v => v.Id == (int)topic)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1), ct);
    }

    /// <summary>Never waits and never fails the change: a lost message is repaired by the periodic check.</summary>
    public void Announce()
    {
        if (!redis.Enabled) return;
        try
        {
            redis.NudgeOtherNodes(ChannelName);
        }
        catch (RedisException error)
        {
            logger.LogWarning("A change could not be announced through Redis ({Error}); other nodes apply it at their next database check", error.Message);
        }
    }
}
