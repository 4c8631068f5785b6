using System.Globalization;
using Portal.Data.Entities;

namespace Portal.Features.Accountability.GoLive;

/// <summary>A loop's go-live state in words, the same on the loop page, the lists, the overview and the compliance report.</summary>
public static class GoLiveText
{
    public const string Awaiting = "Awaiting go-live review";

    public const string AwaitingExplained =
        "Awaiting go-live review: Rank serves only the baseline (the first candidate) and learns from it, as in apprentice mode, until a compliance reviewer records the review.";

    /// <summary>"Go-live reviewed by cr@example.org on 2026-12-06", or <see cref="Awaiting"/>.</summary>
    public static string Line(GoLiveRecord? review) => review is null ? Awaiting : review.Source switch
    {
        GoLiveReviewSource.Migration => $"Recorded as reviewed at migration on {Day(review.RecordedAt)}",
        GoLiveReviewSource.Demo => $"Demo loop: go-live recorded by Portal on {Day(review.RecordedAt)}",
        _ => $"Go-live reviewed by {review.RecordedByName} on {Day(review.RecordedAt)}",
    };

    public static string Source(GoLiveReviewSource source) => source switch
    {
        GoLiveReviewSource.Migration => "recorded at migration",
        GoLiveReviewSource.Demo => "the demo's, by Portal",
        _ => "by a reviewer",
    };

    /// <summary>The data-handling statement as Portal found it when the review was recorded.</summary>
    public static string StatementAtReview(int? version) =>
        version is { } v ? $"verified by Portal: version {v} was published" : "not published when the review was recorded";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
