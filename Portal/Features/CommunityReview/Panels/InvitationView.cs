namespace Portal.Features.CommunityReview.Panels;

/// <summary>A reviewer's invitation as the panel page lists it (never the link: it was shown once).</summary>
public sealed record InvitationView(long Id, string Label, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, string? RevokedByName, int Judged);
