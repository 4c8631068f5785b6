using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// The lease that makes one node of a deployment the trainer. Every node tries to take it every
/// <see cref="ClusterOptions.LeaseRenewInterval"/>; the holder renews it for <see cref="ClusterOptions.LeaseDuration"/>. A node
/// that dies without a word loses it when it expires; a node that cannot renew in time, or finds it taken, drops it at
/// once (<see cref="LeaseTerm.Lost"/>). On SQLite there is one node by definition: it takes the lease at its start even
/// if its previous process left it unexpired.
/// </summary>
public sealed class TrainerLease(LeaseTable table, IOptions<ClusterOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock,
    ILogger<TrainerLease> logger) : BackgroundService
{
    public const string Name = "trainer";

    private readonly ClusterOptions settings = options.Value;
    private volatile LeaseTerm? term;
    private readonly SemaphoreSlim ticking = new(1, 1);
    private bool firstAttempt = true;

    public string NodeId { get; } = options.Value.ResolvedNodeId;

    /// <summary>The lease's row as this node last read it (holder and expiry), for pages and the health check.</summary>
    public LeaseState Observed { get; private set; } = LeaseState.Unknown;

    /// <summary>The current term while this node holds the lease (and its time has not run out), else null.</summary>
    public LeaseTerm? Current => term is { } held && !held.Lost.IsCancellationRequested ? held : null;

    public bool IsHeld => Current is not null;

    private readonly TaskCompletionSource firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node's first round has decided whether it holds the lease (taken or found held).</summary>
    public Task FirstRound => firstRound.Task;

    /// <summary>Raised when this node gains or loses the lease.</summary>
    public event Action? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.LeaseRenewInterval, clock);
        try
        {
            do await TickAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: renew the lease held, or try to take it; public so tests can drive it on a fake clock (one round at a time).</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        await ticking.WaitAsync(ct);
        try
        {
            await RoundAsync(ct);
        }
        finally
        {
            ticking.Release();
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var expires = started + settings.LeaseDuration;
        try
        {
            if (term is { } held)
            {
                if (await table.TryRenewAsync(Name, NodeId, held.Version, expires, ct)) Extend(held, expires);
                else Lose(held, "another node took it over");
            }
            else
            {
                var force = firstAttempt && database.Value.Provider == DatabaseProvider.Sqlite;
                if (await table.TryAcquireAsync(Name, NodeId, started, expires, force, ct)) await BeginAsync(expires, ct);
            }
            firstAttempt = false;
            Observed = await table.ReadAsync(Name, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(error, "The trainer lease could not be renewed or read; retrying in {Interval}", settings.LeaseRenewInterval);
        }
        if (term is { Lost.IsCancellationRequested: true } stale) Lose(stale, "it was not renewed in time");
        firstRound.TrySetResult();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (term is not { } held) return;
        Lose(held, "the node is stopping");
        try
        {
            await table.ReleaseAsync(Name, NodeId, held.Version, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "The trainer lease could not be released; another node takes it when it expires");
        }
    }

    private async Task BeginAsync(DateTimeOffset expires, CancellationToken ct)
    {
        var state = await table.ReadAsync(Name, ct);
        // The term ends by itself when no renewal comes in time, even if this loop is stuck.
        var held = new LeaseTerm(NodeId, state.Version, new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock));
        Extend(held, expires);
        term = held;
        logger.LogInformation("This node ({Node}) holds the trainer lease (version {Version})", NodeId, state.Version);
        Changed?.Invoke();
    }

    private void Extend(LeaseTerm held, DateTimeOffset expires)
    {
        var left = expires - clock.GetUtcNow();
        held.Source.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    private void Lose(LeaseTerm held, string why)
    {
        term = null;
        held.Source.Cancel();
        logger.LogWarning("This node ({Node}) lost the trainer lease: {Why}; it stops training", NodeId, why);
        Changed?.Invoke();
    }
}
