using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// Readiness: the decision log writer runs. Its detail in /health/ready counts what it committed since start
/// (batches, writes, milliseconds spent writing and flushing them), so that the rate of commits and their cost can
/// be read from two requests.
/// </summary>
public sealed class DecisionLogHealthCheck(DecisionLogWriter writer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var totals = writer.Totals;
        var data = new Dictionary<string, object>
        {
            ["committedBatches"] = totals.Batches,
            ["committedWrites"] = totals.Writes,
            ["committingMs"] = (long)totals.Committing.TotalMilliseconds,
        };
        return Task.FromResult(writer.IsRunning
            ? HealthCheckResult.Healthy($"{totals.Batches} batches committed", data)
            : HealthCheckResult.Unhealthy("The decision log writer is not running.", data: data));
    }
}
