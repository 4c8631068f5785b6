using Portal.Data.Entities;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.CommunityReview.Results;

/// <summary>How many of a segment's judgements gave one verdict, the share, and its 95% Wilson interval.</summary>
public sealed record VerdictShare(ReviewVerdict Verdict, int Count, int Of)
{
    public double Share => Of == 0 ? double.NaN : (double)Count / Of;

    public Interval Interval95 => MeanEstimate.Wilson(Count, Of);
}
