namespace Portal.Features.Oversight;

/// <summary>
/// Rank already ignores a freeze or rule past its expiry (it compares times itself); this watcher reloads the control
/// state when one expires or a rule starts, so open pages show it within a second and memory drops what ended.
/// </summary>
public sealed class OversightExpiry(ControlState control, TimeProvider clock, ILogger<OversightExpiry> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        var lastCheck = clock.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                if (HasBoundaryBetween(control.Current, lastCheck, now)) await ReloadAsync(stoppingToken);
                lastCheck = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Whether a freeze or rule expired, or a rule started, in (from, to].</summary>
    public static bool HasBoundaryBetween(OversightSnapshot snapshot, DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var loop in snapshot.Loops.Values)
        {
            foreach (var freeze in loop.Frozen.Values)
            {
                if (freeze.ExpiresAt is { } expiry && expiry <= to) return true;
            }
            foreach (var rule in loop.Rules)
            {
                if (rule.ExpiresAt is { } expiry && expiry <= to) return true;
                if (rule.StartsAt > from && rule.StartsAt <= to) return true;
            }
        }
        return false;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        try
        {
            await control.ReloadAsync(ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Reloading the control state after an expiry failed; Rank still honours expiries");
        }
    }
}
