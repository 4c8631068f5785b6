namespace Portal.Features.Insights.Bias;

/// <summary>The analysis windows people pick from; the compliance report uses <see cref="Custom"/> days.</summary>
public enum WindowChoice
{
    Last24Hours,
    Last7Days,
    Last30Days,
    Custom,
}
