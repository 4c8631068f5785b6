using Portal.Data.Entities;

namespace Portal.Features.CommunityReview.Results;

/// <summary>Turns judgements into per-segment figures: each verdict's share with its interval, and agreement over items.</summary>
public static class JudgementTally
{
    public sealed record Judged(long ItemId, string Segment, long InvitationId, ReviewVerdict Verdict);

    public static SegmentJudgements Of(string segment, int items, IReadOnlyCollection<Judged> judgements) => new(
        segment,
        items,
        judgements.Count,
        Enum.GetValues<ReviewVerdict>().Select(v => new VerdictShare(v, judgements.Count(j => j.Verdict == v), judgements.Count)).ToList(),
        KrippendorffAlpha.Nominal(judgements.GroupBy(j => j.ItemId).Select(g => (IReadOnlyCollection<ReviewVerdict>)g.Select(j => j.Verdict).ToList())));
}
