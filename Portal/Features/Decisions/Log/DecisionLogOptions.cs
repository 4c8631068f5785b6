using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Decisions.Log;

/// <summary>Group commit of the decision log (<c>Portal:DecisionLog</c>).</summary>
public sealed class DecisionLogOptions
{
    public const string Section = "Portal:DecisionLog";

    /// <summary>Writes waiting for the writer; when full, callers wait (back-pressure) rather than lose anything.</summary>
    [Range(16, 1_000_000, ErrorMessage = "Portal:DecisionLog:QueueCapacity must be between 16 and 1000000.")]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Most writes committed in one transaction.</summary>
    [Range(1, 100_000, ErrorMessage = "Portal:DecisionLog:MaxBatchSize must be between 1 and 100000.")]
    public int MaxBatchSize { get; set; } = 1_000;
}
