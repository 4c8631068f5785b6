namespace Portal.Features.CommunityReview.Sampling;

/// <summary>A decision that may be drawn, by its log position, with the segments it falls in.</summary>
public sealed record SampleCandidate(long Seq, IReadOnlyList<string> Segments);
