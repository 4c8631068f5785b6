using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Features.Feedback.Intake;

/// <summary>Ready only while the intake writer runs: without it no feedback can be stored.</summary>
public sealed class FeedbackIntakeHealthCheck(TicketIntakeWriter writer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(writer.IsRunning
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The feedback intake writer is not running."));
}
