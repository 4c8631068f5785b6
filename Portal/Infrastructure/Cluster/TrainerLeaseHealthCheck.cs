using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Infrastructure.Cluster;

/// <summary>Never unhealthy (a node that does not train serves as well): says which node trains, in /health/ready's detail.</summary>
public sealed class TrainerLeaseHealthCheck(TrainerLease lease) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var observed = lease.Observed;
        var data = new Dictionary<string, object>
        {
            ["node"] = lease.NodeId,
            ["trainer"] = observed.Holder,
            ["leaseVersion"] = observed.Version,
            ["leaseExpiresAt"] = observed.ExpiresAt == DateTimeOffset.MinValue ? "" : observed.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            ["thisNodeTrains"] = lease.IsHeld,
        };
        var description = lease.IsHeld ? $"This node ({lease.NodeId}) trains."
            : observed.Holder.Length == 0 ? "No node has taken the trainer lease yet." : $"Node {observed.Holder} trains; this node ({lease.NodeId}) serves its models.";
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}
