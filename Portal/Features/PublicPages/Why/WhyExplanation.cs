namespace Portal.Features.PublicPages.Why;

/// <summary>
/// What the "Why this suggestion?" page says about one decision: the item, when, why (with the top factors when the
/// model chose it), the data used (names and values), and the data recorded only for fairness checks (names only:
/// the values of audit-only features are never shown).
/// </summary>
public sealed record WhyExplanation(
    string ItemName,
    DateTimeOffset ShownAt,
    WhyReason Reason,
    IReadOnlyList<string> Factors,
    IReadOnlyList<WhyDataItem> DataUsed,
    IReadOnlyList<string> RecordedOnly,
    string LoopId = "",
    Accountability.LoopOwner? Owner = null,
    bool HasStatement = false);
