namespace Portal.Features.CommunityReview.Panels;

/// <summary>A panel in the list: what it samples, how far its reviewers have come.</summary>
public sealed record PanelSummary(long Id, string LoopId, string Name, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset ExpiresAt,
    int Items, int Invitations, int Judgements);
