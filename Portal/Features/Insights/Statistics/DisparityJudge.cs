namespace Portal.Features.Insights.Statistics;

/// <summary>Applies <see cref="DisparityThresholds"/> to one comparison.</summary>
public static class DisparityJudge
{
    public static DisparityVerdict Judge(MeanEstimate group, MeanEstimate reference, DisparityRatio? ratio, DisparityThresholds thresholds)
    {
        if (group.Count < thresholds.MinimumSample || reference.Count < thresholds.MinimumSample) return DisparityVerdict.TooFewDecisions;
        if (ratio is null) return DisparityVerdict.Undefined;
        if (ratio.Ratio >= thresholds.Ratio) return DisparityVerdict.WithinThreshold;
        return ratio.Interval95.High < 1 ? DisparityVerdict.Flagged : DisparityVerdict.Inconclusive;
    }
}
