namespace Portal.Features.CommunityReview.Public;

/// <summary>What a reviewer's link is worth now; each has its own page and status.</summary>
public enum LinkState
{
    /// <summary>Genuine, not expired, not revoked: the reviewer may judge.</summary>
    Open,

    /// <summary>Malformed, forged or unknown: 404, as any wrong address.</summary>
    Unknown,

    /// <summary>Genuine but past its expiry (or its panel's): 410 Gone.</summary>
    Expired,

    /// <summary>Genuine but withdrawn by a compliance reviewer: 403.</summary>
    Revoked,
}
