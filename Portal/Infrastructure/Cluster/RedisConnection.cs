using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// The node's one connection to Redis, made when the host starts (unreachable: the start stops with one line naming
/// <c>Portal:Redis:Configuration</c>). Afterwards StackExchange.Redis reconnects by itself; a loss and a return are
/// logged, and what uses Redis falls back meanwhile (the database check, node-local rate limits, this node's stream).
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? multiplexer;

    public bool Enabled => options.Value.Enabled;

    /// <summary>This process among the nodes: messages carry it, so a node can skip its own.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N")[..12];

    public IConnectionMultiplexer Multiplexer =>
        multiplexer ?? throw new InvalidOperationException("Redis is not configured (Portal:Redis:Configuration), or the host has not started.");

    /// <summary>Whether commands can be sent now.</summary>
    public bool IsConnected => multiplexer?.IsConnected == true;

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{options.Value.Prefix}:{name}");

    /// <summary>A key of this deployment; the braces keep all of them in one hash slot, so a script may touch several.</summary>
    public RedisKey Key(string name) => $"{{{options.Value.Prefix}}}:{name}";

    /// <summary>
    /// Tells the other nodes to look again at something (a message on <paramref name="channelName"/> that carries only this
    /// node's id). Never waits; a <see cref="RedisException"/> says it could not be sent.
    /// </summary>
    public void NudgeOtherNodes(string channelName) =>
        Multiplexer.GetSubscriber().Publish(Channel(channelName), NodeId, CommandFlags.FireAndForget);

    /// <summary>Calls <paramref name="nudged"/> whenever another node nudges <paramref name="channelName"/>; this node's own nudges are skipped.</summary>
    public Task OnNudgeFromOtherNodesAsync(string channelName, Action nudged) =>
        Multiplexer.GetSubscriber().SubscribeAsync(Channel(channelName), (_, sender) =>
        {
            if (sender != NodeId) nudged();
        });

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return;
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration);
        configuration.AbortOnConnectFail = true;
        configuration.ClientName = $"portal-{NodeId}";
        try
        {
            multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        }
        catch (RedisConnectionException error)
        {
            throw new RedisUnreachableException(string.Join(", ", configuration.EndPoints), error);
        }
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Interactive) return;
            logger.LogWarning(
                "Redis at {Endpoint} was lost ({Failure}): oversight changes reach this node through the database check until it returns; " +
                "meanwhile the live stream shows this node's decisions only and rate limits are counted per node", e.EndPoint, e.FailureType);
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive) logger.LogInformation("Redis at {Endpoint} is back", e.EndPoint);
        };
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (multiplexer is not null) await multiplexer.DisposeAsync();
    }
}
