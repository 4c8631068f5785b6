namespace Portal.Features.CommunityReview.Sampling;

/// <summary>A decision drawn for a segment, at the position reviewers see it.</summary>
public sealed record DrawnItem(long Seq, string Segment, int Position);
