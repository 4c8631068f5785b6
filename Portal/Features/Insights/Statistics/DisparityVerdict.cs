namespace Portal.Features.Insights.Statistics;

/// <summary>How a group compares with its reference.</summary>
public enum DisparityVerdict
{
    /// <summary>Too few decisions in the group or the reference to judge.</summary>
    TooFewDecisions,

    /// <summary>No ratio can be computed (e.g. the reference mean is not positive).</summary>
    Undefined,

    /// <summary>At or above the threshold.</summary>
    WithinThreshold,

    /// <summary>Under the threshold, but the interval still includes parity (1): possibly chance.</summary>
    Inconclusive,

    /// <summary>Under the threshold, enough decisions, and the interval excludes parity: flagged.</summary>
    Flagged,
}
