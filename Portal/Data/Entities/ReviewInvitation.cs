namespace Portal.Data.Entities;

/// <summary>
/// One reviewer's link to a panel. The link is shown once; only its SHA-256 is kept. It stops working when it expires
/// or is revoked (audited).
/// </summary>
public sealed class ReviewInvitation
{
    public long Id { get; set; }
    public long PanelId { get; set; }

    /// <summary>How the compliance reviewer tells reviewers apart ("Reviewer 3", "Community group A"); never shown to reviewers.</summary>
    public required string Label { get; set; }

    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedByName { get; set; }
}
