using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// The nodes of one deployment (<c>Portal:Cluster</c>): who this node is, and the trainer's lease in the database that
/// lets exactly one node train. One node on SQLite holds the lease from its start.
/// </summary>
public sealed class ClusterOptions : IValidatableObject
{
    public const string Section = "Portal:Cluster";

    /// <summary>This node's name in the lease and on the pages; empty: "{machine}/{process id}".</summary>
    [MaxLength(200, ErrorMessage = "Portal:Cluster:NodeId must be at most 200 characters.")]
    public string NodeId { get; set; } = "";

    /// <summary>How long a lease lasts without renewal: a dead trainer's node is replaced after at most this plus <see cref="LeaseRenewInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Portal:Cluster:LeaseDuration must be between 00:00:01 and 00:05:00.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often the holder renews the lease and the other nodes look whether it expired.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00", ErrorMessage = "Portal:Cluster:LeaseRenewInterval must be between 00:00:00.100 and 00:02:00.")]
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a node looks for a model saved by the trainer (one small query).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Portal:Cluster:ModelPollInterval must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan ModelPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public string ResolvedNodeId => NodeId.Length > 0 ? NodeId : $"{Environment.MachineName}/{Environment.ProcessId}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Two renewals fit into one lease, so one slow round trip does not cost the lease.
        if (LeaseRenewInterval * 2 > LeaseDuration)
            yield return new ValidationResult("Portal:Cluster:LeaseRenewInterval must be at most half of Portal:Cluster:LeaseDuration.",
                [nameof(LeaseRenewInterval)]);
    }
}
