namespace Portal.Features.Insights.Bias;

/// <summary>What each group's rate is divided by.</summary>
public enum ComparisonReference
{
    /// <summary>The rate of every decision in the window.</summary>
    Everyone,

    /// <summary>The best rate among the groups with enough decisions.</summary>
    BestGroup,
}
