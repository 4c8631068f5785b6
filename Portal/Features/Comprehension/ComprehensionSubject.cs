namespace Portal.Features.Comprehension;

/// <summary>
/// The decision a Why link names, as far as the comprehension question needs it: whether the question may be asked,
/// when it was last answered, and what the answer is stored with (the user's keyed hash, the decision's segments).
/// </summary>
/// <param name="Asked">False when the decision was made for an opted-out user, or the user has opted out since: nothing about them is kept.</param>
/// <param name="AnsweredAt">When this decision's question was last answered; null when never.</param>
/// <param name="UserHash">The keyed hash (hex) of the decision's user id; null when the application sent none.</param>
/// <param name="Segments">The decision's categorical context values (its automatic segments).</param>
public sealed record ComprehensionSubject(
    string LoopId,
    string EventId,
    DateTimeOffset DecidedAt,
    bool Asked,
    DateTimeOffset? AnsweredAt,
    string? UserHash,
    IReadOnlyList<(string Feature, string Value)> Segments);
