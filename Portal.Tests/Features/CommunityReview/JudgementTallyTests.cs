using Portal.Data.Entities;
using Portal.Features.CommunityReview.Results;

namespace Portal.Tests.Features.CommunityReview;

public sealed class JudgementTallyTests
{
    [Fact]
    public void Shares_carry_n_and_the_hand_computed_wilson_interval()
    {
        // 10 judgements: 3 unfair, 7 appropriate. Wilson for 3/10, z = 1.959964: centre (0.3 + z²/20)/(1 + z²/10) = 0.35569,
        // half-width z/(1 + z²/10)·√(0.3·0.7/10 + z²/400) = 0.24742 → [0.1078, 0.6032].
        var judged = Enumerable.Range(0, 10)
            .Select(i => new JudgementTally.Judged(i, "user.ageBand = 65+", 1, i < 3 ? ReviewVerdict.Unfair : ReviewVerdict.Appropriate)).ToList();

        var segment = JudgementTally.Of("user.ageBand = 65+", 10, judged);

        var unfair = segment.Of(ReviewVerdict.Unfair);
        Assert.Equal((3, 10), (unfair.Count, unfair.Of));
        Assert.Equal(0.3, unfair.Share, 12);
        Assert.Equal(0.1078, unfair.Interval95.Low, 4);
        Assert.Equal(0.6032, unfair.Interval95.High, 4);
        Assert.Equal(0, segment.Of(ReviewVerdict.Harmful).Count);
        Assert.Equal("30% (3/10; 11–60%)", ResultsWording.Share(unfair));
    }

    [Fact]
    public void Agreement_is_taken_over_items_judged_by_several_reviewers()
    {
        // Item 1: two reviewers agree (unfair); item 2: they disagree (appropriate, irrelevant); item 3: one reviewer only.
        List<JudgementTally.Judged> judged =
        [
            new(1, "s", 1, ReviewVerdict.Unfair), new(1, "s", 2, ReviewVerdict.Unfair),
            new(2, "s", 1, ReviewVerdict.Appropriate), new(2, "s", 2, ReviewVerdict.Irrelevant),
            new(3, "s", 1, ReviewVerdict.Harmful),
        ];

        var segment = JudgementTally.Of("s", 3, judged);

        // Pairable values n = 4: o_UU = 2, o_AI = o_IA = 1; n_U = 2, n_A = n_I = 1.
        // α = 1 − 3·2 / (2·1·2 + 2·1·2 + 1·1·2) = 1 − 6/10 = 0.4.
        Assert.Equal(0.4, segment.Agreement.Alpha, 12);
        Assert.Equal(4, segment.Agreement.PairableValues);
        Assert.Equal(5, segment.Judgements);
    }
}
