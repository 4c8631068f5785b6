using Portal.Data.Entities;

namespace Portal.Features.CommunityReview.Results;

/// <summary>One segment's judgements: per verdict with intervals, how many items and reviewers, and their agreement.</summary>
public sealed record SegmentJudgements(
    string Segment,
    int Items,
    int Judgements,
    IReadOnlyList<VerdictShare> Shares,
    KrippendorffAlpha.Agreement Agreement)
{
    public VerdictShare Of(ReviewVerdict verdict) => Shares.Single(s => s.Verdict == verdict);
}
