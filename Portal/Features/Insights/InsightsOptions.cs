using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights;

/// <summary>Per-segment analytics, bias flags, drift and sensitive-name warnings (<c>Portal:Insights</c>).</summary>
public sealed partial class InsightsOptions : IValidatableObject
{
    public const string Section = "Portal:Insights";

    /// <summary>A segment's reward rate under this share of its reference's is a disparity (the four-fifths rule).</summary>
    [Range(0.01, 1, ErrorMessage = "Portal:Insights:DisparityThreshold must be between 0.01 and 1.")]
    public double DisparityThreshold { get; set; } = 0.8;

    /// <summary>No flag unless every compared segment has at least this many settled decisions.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Portal:Insights:MinimumSample must be between 1 and 10000000.")]
    public int MinimumSample { get; set; } = 30;

    /// <summary>Population stability index from which a feature's drift is moderate.</summary>
    [Range(0.001, 10, ErrorMessage = "Portal:Insights:DriftModerate must be between 0.001 and 10.")]
    public double DriftModerate { get; set; } = 0.1;

    /// <summary>Population stability index from which a feature's drift is significant.</summary>
    [Range(0.001, 10, ErrorMessage = "Portal:Insights:DriftSignificant must be between 0.001 and 10.")]
    public double DriftSignificant { get; set; } = 0.25;

    /// <summary>
    /// Words that make a feature name look sensitive (matched against the words of its path, case-insensitive:
    /// <c>user.ageBand</c> has the words user, age, band). Such a feature used as a model input gets a warning.
    /// </summary>
    public string[] SensitiveFeatureNames { get; set; } = [];

    /// <summary>How often the aggregator looks for newly settled decisions (a loop with more than a batch waiting is followed without waiting for the next tick).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Portal:Insights:AggregationInterval must be between 00:00:00.050 and 01:00:00.")]
    public TimeSpan AggregationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most decisions read per loop in one aggregation batch.</summary>
    [Range(100, 1_000_000, ErrorMessage = "Portal:Insights:AggregationBatchSize must be between 100 and 1000000.")]
    public int AggregationBatchSize { get; set; } = 1_000;

    /// <summary>
    /// The share of one core the aggregator may keep busy: it rests between batches so that Rank keeps the machine.
    /// While a loop has more than a batch waiting it goes on batch after batch at this share; under a load it cannot
    /// follow even so, the analytics lag and catch up when the load drops.
    /// </summary>
    [Range(0.05, 1, ErrorMessage = "Portal:Insights:AggregationMaxBusyShare must be between 0.05 and 1.")]
    public double AggregationMaxBusyShare { get; set; } = 0.1;

    /// <summary>Distinct values of one categorical feature kept as segments; further values count as "(other)".</summary>
    [Range(2, 1_000, ErrorMessage = "Portal:Insights:MaxValuesPerFeature must be between 2 and 1000.")]
    public int MaxValuesPerFeature { get; set; } = 50;

    public DisparityThresholds Thresholds => new(DisparityThreshold, MinimumSample);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DriftModerate >= DriftSignificant)
            yield return new ValidationResult("Portal:Insights:DriftModerate must be smaller than Portal:Insights:DriftSignificant.", [nameof(DriftModerate)]);
        if (SensitiveFeatureNames is null || SensitiveFeatureNames.Any(n => n is null || !Word().IsMatch(n)))
            yield return new ValidationResult("Portal:Insights:SensitiveFeatureNames must be a list of single words (letters only), e.g. [\"age\", \"gender\"].",
                [nameof(SensitiveFeatureNames)]);
    }

    [GeneratedRegex("^[A-Za-z]{2,40}$")]
    private static partial Regex Word();
}
