using Portal.Features.CommunityReview.Results;

namespace Portal.Tests.Features.CommunityReview;

public sealed class KrippendorffAlphaTests
{
    /// <summary>
    /// The textbook example: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data,
    /// four observers, twelve units, missing values). Observers A–D, "." = missing:
    /// A: 1 2 3 3 2 1 4 1 2 . . .   B: 1 2 3 3 2 2 4 1 2 5 . 3   C: . 3 3 3 2 3 4 2 2 5 1 .   D: 1 2 3 3 2 4 4 1 2 5 1 .
    /// By hand: unit 12 has one value and drops out, n = 40 pairable values; the coincidence matrix has
    /// o_11 = 6, o_13 = o_31 = 0 …, Σ_{c≠k} o_ck = 10/3 + … ; the paper gives α_nominal = 0.743.
    /// </summary>
    [Fact]
    public void The_textbook_example_with_missing_data_gives_0_743()
    {
        int?[][] observers =
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
            [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
        ];
        var units = Enumerable.Range(0, 12)
            .Select(u => (IReadOnlyCollection<int>)observers.Where(o => o[u] is not null).Select(o => o[u]!.Value).ToList());

        var agreement = KrippendorffAlpha.Nominal(units);

        Assert.Equal(0.743, agreement.Alpha, 3);
        Assert.Equal(40, agreement.PairableValues);
        Assert.Equal(11, agreement.Units);
    }

    [Fact]
    public void A_small_case_matches_the_hand_computed_value()
    {
        // Two reviewers, three items: (a, a), (a, b), (b, b). Coincidences: o_aa = 2, o_ab = o_ba = 1, o_bb = 2;
        // n_a = n_b = 3, n = 6. α = 1 − (n − 1)·(o_ab + o_ba) / (n_a·n_b + n_b·n_a) = 1 − 5·2/18 = 4/9.
        IReadOnlyCollection<string>[] units = [["a", "a"], ["a", "b"], ["b", "b"]];

        Assert.Equal(4.0 / 9, KrippendorffAlpha.Nominal(units).Alpha, 12);
    }

    [Fact]
    public void Full_agreement_on_different_answers_is_1()
    {
        IReadOnlyCollection<string>[] units = [["a", "a", "a"], ["b", "b"], ["c", "c"]];

        Assert.Equal(1.0, KrippendorffAlpha.Nominal(units).Alpha, 12);
    }

    [Fact]
    public void Alpha_is_undefined_with_one_answer_only_or_no_item_judged_twice()
    {
        Assert.False(KrippendorffAlpha.Nominal<string>([["a", "a"], ["a", "a"]]).IsDefined);
        Assert.False(KrippendorffAlpha.Nominal<string>([["a"], ["b"]]).IsDefined);
    }
}
