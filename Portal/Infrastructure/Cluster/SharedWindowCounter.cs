using StackExchange.Redis;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// Fixed windows counted in Redis, shared by every node: one script call increments each of a request's counters (the
/// address's, then the global one) and stops at the first over its limit. A window starts with its first count and
/// lasts <c>window</c> (INCR, then PEXPIRE on the first). Null answers mean "Redis cannot say now": callers count on
/// their own node meanwhile.
/// </summary>
public sealed class SharedWindowCounter(RedisConnection redis, ILogger<SharedWindowCounter> logger)
{
    private const string Script = """
        for i, key in ipairs(KEYS) do
          local count = redis.call('INCR', key)
          if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
          if count > tonumber(ARGV[i + 1]) then
            local left = redis.call('PTTL', key)
            if left < 1 then return 1 end
            return left
          end
        end
        return 0
        """;

    private int failing;

    /// <summary>Whether counting in Redis can be tried at all (configured and connected).</summary>
    public bool Available => redis.Enabled && redis.IsConnected;

    /// <summary>Counts one request in each window; null when Redis could not be asked.</summary>
    /// <returns><see cref="TimeSpan.Zero"/> when every window allows it, else how long until the full window ends.</returns>
    public async Task<TimeSpan?> TryTakeAsync(IReadOnlyList<SharedWindow> windows, TimeSpan window)
    {
        if (!Available) return null;
        var keys = new RedisKey[windows.Count];
        var arguments = new RedisValue[windows.Count + 1];
        arguments[0] = (long)window.TotalMilliseconds;
        for (var i = 0; i < windows.Count; i++)
        {
            keys[i] = redis.Key("limit:" + windows[i].Name);
            arguments[i + 1] = windows[i].Limit;
        }
        try
        {
            var waitMs = (long)await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(Script, keys, arguments);
            if (Interlocked.Exchange(ref failing, 0) == 1) logger.LogInformation("Rate limits are counted in Redis again, for all nodes together");
            return TimeSpan.FromMilliseconds(waitMs);
        }
        catch (RedisException error)
        {
            if (Interlocked.Exchange(ref failing, 1) == 0)
                logger.LogWarning("Rate limits cannot be counted in Redis ({Error}); each node counts its own until it returns", error.Message);
            return null;
        }
    }
}

/// <summary>One counter of a request: its name (policy and partition, e.g. <c>feedback:203.0.113.7</c>) and its limit.</summary>
public readonly record struct SharedWindow(string Name, int Limit);
