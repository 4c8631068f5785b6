namespace Portal.Features.Insights.Statistics;

/// <summary>The usual reading of a population stability index.</summary>
public enum DriftLevel
{
    /// <summary>Not enough decisions in one of the windows.</summary>
    NotEnoughData,

    /// <summary>PSI under 0.1: no meaningful change.</summary>
    Stable,

    /// <summary>PSI from 0.1 to 0.25: a moderate shift, worth watching.</summary>
    Moderate,

    /// <summary>PSI of 0.25 or more: the population changed significantly.</summary>
    Significant,
}
