using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Evaluation;

/// <summary>The previews of a change and the apprentice advice (<c>Portal:Evaluation</c>).</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Portal:Evaluation";

    /// <summary>How far back a preview or the apprentice advice reads the loop's decisions.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = "Portal:Evaluation:PreviewWindow must be between 01:00:00 and 90.00:00:00.")]
    public TimeSpan PreviewWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most this many of the newest decisions of the window are read (a dialog must answer in seconds).</summary>
    [Range(100, 10_000_000, ErrorMessage = "Portal:Evaluation:PreviewMaxDecisions must be between 100 and 10000000.")]
    public int PreviewMaxDecisions { get; set; } = 100_000;

    /// <summary>Below this effective sample size (of either policy compared) the data are called too few.</summary>
    [Range(1.0, 1_000_000.0, ErrorMessage = "Portal:Evaluation:MinEffectiveSampleSize must be between 1 and 1000000.")]
    public double MinEffectiveSampleSize { get; set; } = 100;

    /// <summary>Apprentice advice: the fewest decisions before switching to Online may be recommended.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Portal:Evaluation:ApprenticeMinDecisions must be between 1 and 10000000.")]
    public int ApprenticeMinDecisions { get; set; } = 1_000;

    /// <summary>
    /// Apprentice advice: the loss in mean reward per decision the 95 % interval of (model − baseline) may still reach
    /// for Online to be recommended; 0 = the interval must exclude any loss.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Portal:Evaluation:ApprenticeTolerableLoss must be between 0 and 1.")]
    public double ApprenticeTolerableLoss { get; set; }
}
