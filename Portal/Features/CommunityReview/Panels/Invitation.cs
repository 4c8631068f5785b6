namespace Portal.Features.CommunityReview.Panels;

/// <summary>A new reviewer link, shown once: only its hash is kept.</summary>
public sealed record Invitation(long InvitationId, string Label, string Link, DateTimeOffset ExpiresAt);
