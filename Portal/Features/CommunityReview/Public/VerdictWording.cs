using Portal.Data.Entities;

namespace Portal.Features.CommunityReview.Public;

/// <summary>The words reviewers and the results read for each verdict.</summary>
public static class VerdictWording
{
    public static string Label(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Appropriate => "Appropriate",
        ReviewVerdict.Irrelevant => "Irrelevant",
        ReviewVerdict.Unfair => "Unfair",
        _ => "Harmful",
    };

    public static string Hint(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Appropriate => "A sensible, fair suggestion for this person.",
        ReviewVerdict.Irrelevant => "It does not fit what the person was doing or needs.",
        ReviewVerdict.Unfair => "It treats this person, or people like them, worse than others.",
        _ => "It could hurt, offend or mislead the person.",
    };
}
