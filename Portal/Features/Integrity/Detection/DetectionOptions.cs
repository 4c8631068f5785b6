using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Integrity.Detection;

/// <summary>
/// <c>Portal:Integrity:Detection</c>: how the manipulation detectors judge each loop's settled decisions, window by
/// window, against the rolling baseline of the windows before.
/// </summary>
public sealed class DetectionOptions : IValidatableObject
{
    public const string Section = "Portal:Integrity:Detection";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The z-score a window must pass to be flagged, for all the cells a detector judges in that window together: with
    /// many actions × segments each cell must pass a stricter bar (Bonferroni), so plain traffic raises a false alarm in
    /// about one window of 740 per detector at the default of 3.
    /// </summary>
    [Range(1.0, 10.0, ErrorMessage = "Portal:Integrity:Detection:Threshold must be between 1 and 10.")]
    public double Threshold { get; set; } = 3;

    /// <summary>The fewest events (decisions of a cell, rewards) behind a window's value for it to be judged.</summary>
    [Range(5, 100_000, ErrorMessage = "Portal:Integrity:Detection:MinimumSample must be between 5 and 100000.")]
    public int MinimumSample { get; set; } = 20;

    /// <summary>Decisions per window.</summary>
    [Range(100, 1_000_000, ErrorMessage = "Portal:Integrity:Detection:WindowDecisions must be between 100 and 1000000.")]
    public int WindowDecisions { get; set; } = 1000;

    /// <summary>Windows in the rolling baseline (flagged windows never join it).</summary>
    [Range(3, 1000, ErrorMessage = "Portal:Integrity:Detection:BaselineWindows must be between 3 and 1000.")]
    public int BaselineWindows { get; set; } = 20;

    /// <summary>Windows of a cell's baseline needed before it is judged.</summary>
    [Range(2, 1000, ErrorMessage = "Portal:Integrity:Detection:MinimumBaselineWindows must be between 2 and 1000.")]
    public int MinimumBaselineWindows { get; set; } = 5;

    /// <summary>A reward sooner than this after its Rank is faster than a person reads, looks and clicks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "Portal:Integrity:Detection:FastReward must be between 1 ms and 10 minutes.")]
    public TimeSpan FastReward { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Distinct values of one context feature beyond which it is not used as a segment (ids, free text).</summary>
    [Range(2, 1000, ErrorMessage = "Portal:Integrity:Detection:MaxSegmentValues must be between 2 and 1000.")]
    public int MaxSegmentValues { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Portal:Integrity:Detection:CheckInterval must be between 1 second and 1 hour.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinimumBaselineWindows > BaselineWindows)
            yield return new ValidationResult($"{Section}:MinimumBaselineWindows ({MinimumBaselineWindows}) must not exceed BaselineWindows ({BaselineWindows}).");
    }
}
