using Portal.Features.Learning;
using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Training;

/// <summary>Background training (<c>Portal:Training</c>).</summary>
public sealed class TrainingOptions
{
    public const string Section = "Portal:Training";

    /// <summary>How often the trainer looks for decisions whose reward wait time has passed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Portal:Training:Interval must be between 00:00:00.050 and 01:00:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most decisions read and learned per loop in one batch, before the new snapshot is published. A pass takes batch
    /// after batch while decisions are due, for at most one <see cref="Interval"/>.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Portal:Training:MaxBatchSize must be between 1 and 1000000.")]
    public int MaxBatchSize { get; set; } = 5_000;

    /// <summary>
    /// The share of one core the trainer may take while it catches up (decisions due beyond one batch): after each batch
    /// it pauses so that its work is at most this share of the time. 1 never pauses.
    /// </summary>
    [Range(0.05, 1.0, ErrorMessage = "Portal:Training:MaxBusyShare must be between 0.05 and 1.")]
    public double MaxBusyShare { get; set; } = 0.5;

    /// <summary>How often a changed model is saved to disk (and always at shutdown).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Portal:Training:SaveInterval must be between 00:00:00 and 01:00:00.")]
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a model that learned something is also kept as a snapshot, for rolling back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Portal:Training:SnapshotInterval must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Snapshots kept per loop; older ones are deleted.</summary>
    [Range(1, 1_000, ErrorMessage = "Portal:Training:SnapshotsKept must be between 1 and 1000.")]
    public int SnapshotsKept { get; set; } = 48;
}
