namespace Portal.Features.Insights.Bias;

/// <summary>A group being compared: its segment in the aggregate tables and the label people read.</summary>
public sealed record GroupDefinition(string Dimension, string Value, string Label);
