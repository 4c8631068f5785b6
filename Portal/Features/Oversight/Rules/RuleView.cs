using Portal.Data.Entities;

namespace Portal.Features.Oversight.Rules;

/// <summary>A rule as the rules page lists it.</summary>
public sealed record RuleView(
    long Id,
    string LoopId,
    string SegmentName,
    string SegmentJson,
    OverrideKind Kind,
    IReadOnlyList<string> ActionIds,
    string Reason,
    int Priority,
    DateTimeOffset StartsAt,
    DateTimeOffset? ExpiresAt,
    RuleState State,
    string? AuthorId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string? ReviewerName,
    string? ReviewNote)
{
    public string Effect => Kind switch
    {
        OverrideKind.ForceAction => $"serve {string.Join(", ", ActionIds)}",
        OverrideKind.ExcludeActions => $"exclude {string.Join(", ", ActionIds)}",
        _ => "serve the baseline",
    };

    public bool IsOpen => State is RuleState.PendingApproval or RuleState.Acting or RuleState.Scheduled;
}
