namespace Portal.Features.CommunityReview.Public;

/// <summary>The HTTP status of the reviewer page for a link's state: gone when expired, forbidden when withdrawn.</summary>
public static class ReviewerStatus
{
    public static int Of(LinkState state) => state switch
    {
        LinkState.Open => StatusCodes.Status200OK,
        LinkState.Expired => StatusCodes.Status410Gone,
        LinkState.Revoked => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status404NotFound,
    };
}
