namespace Portal.Features.Insights.Bias;

/// <summary>One group's reward rate per trend step (null where it had no rewarded decision).</summary>
public sealed record TrendSeries(string Label, IReadOnlyList<double?> Rates);
