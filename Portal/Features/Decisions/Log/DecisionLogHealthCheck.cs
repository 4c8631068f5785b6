using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Features.Decisions.Log;

/// <summary>Ready only while the writer commits: without it no Rank can be acknowledged.</summary>
public sealed class DecisionLogHealthCheck(DecisionLogWriter writer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(writer.IsRunning
            ? HealthCheckResult.Healthy($"{writer.CommittedBatches} batches committed")
            : HealthCheckResult.Unhealthy("The decision log writer is not running."));
}
