namespace Portal.Features.Insights.Drift;

/// <summary>How many decisions of one window had a feature at one value (numbers coarsened, see NumericBins).</summary>
public sealed record ValueHistogram(string Feature, bool IsNumeric, string Bin, long Count);
