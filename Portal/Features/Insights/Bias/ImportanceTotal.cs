namespace Portal.Features.Insights.Bias;

/// <summary>Σ|contribution| of one feature or namespace in one segment over a window.</summary>
public sealed record ImportanceTotal(string Dimension, string Value, bool IsNamespace, string Feature, double SumAbs);
