using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Evaluation.Runs;

/// <summary>How stored evaluation runs are queued and how large their time series may grow (<c>Portal:EvaluationRuns</c>).</summary>
public sealed class EvaluationRunOptions
{
    public const string Section = "Portal:EvaluationRuns";

    /// <summary>Runs waiting for the runner at most; a request beyond it is refused (503) rather than queued without bound.</summary>
    [Range(1, 1000, ErrorMessage = "Portal:EvaluationRuns:QueueCapacity must be between 1 and 1000.")]
    public int QueueCapacity { get; set; } = 32;

    /// <summary>Custom policies in one run at most (each is a learner retrained over the window).</summary>
    [Range(1, 50, ErrorMessage = "Portal:EvaluationRuns:MaxCustomPolicies must be between 1 and 50.")]
    public int MaxCustomPolicies { get; set; } = 10;

    /// <summary>Buckets of a time series at most: a finer interval over a long window is widened to the next allowed one.</summary>
    [Range(10, 100_000, ErrorMessage = "Portal:EvaluationRuns:MaxTimelinePoints must be between 10 and 100000.")]
    public int MaxTimelinePoints { get; set; } = 2_000;
}
