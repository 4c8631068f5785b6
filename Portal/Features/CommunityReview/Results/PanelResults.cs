namespace Portal.Features.CommunityReview.Results;

/// <summary>A panel's results: per segment (in name order), then all segments together.</summary>
public sealed record PanelResults(
    long PanelId,
    string LoopId,
    string Name,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    DateTimeOffset ExpiresAt,
    string StrataBy,
    int Items,
    int Reviewers,
    int TicketsOpened,
    IReadOnlyList<SegmentJudgements> Segments,
    SegmentJudgements Overall);
