using System.ComponentModel.DataAnnotations;

namespace Portal.Features.CommunityReview;

/// <summary>The community review panel (<c>Portal:CommunityReview</c>).</summary>
public sealed class CommunityReviewOptions
{
    public const string Section = "Portal:CommunityReview";

    /// <summary>Judgements one client address may post per minute on the reviewer page (429 with Retry-After beyond).</summary>
    [Range(1, 100_000, ErrorMessage = "Portal:CommunityReview:JudgementPostsPerMinute must be between 1 and 100000.")]
    public int JudgementPostsPerMinute { get; set; } = 30;
}
