using System.Globalization;

namespace Portal.Features.CommunityReview.Results;

/// <summary>The figures of the results as text, the same on the panel page, the bias page and the compliance report.</summary>
public static class ResultsWording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>25% (4/16; 10–49%)</c>, or "–" without judgements.</summary>
    public static string Share(VerdictShare share) => share.Of == 0 ? "–"
        : string.Create(Invariant, $"{share.Share * 100:0}% ({share.Count}/{share.Of}; {share.Interval95.Low * 100:0}–{share.Interval95.High * 100:0}%)");

    /// <summary><c>0.74 (n = 40)</c>, or "–" when alpha is undefined.</summary>
    public static string Agreement(KrippendorffAlpha.Agreement agreement) => agreement.IsDefined
        ? string.Create(Invariant, $"{agreement.Alpha:0.00} (n = {agreement.PairableValues})")
        : "–";
}
