namespace Portal.Features.CommunityReview.Sampling;

/// <summary>
/// What a reviewer sees of one decision: the suggestion shown, the other candidates with their chances, what the
/// "Why this suggestion?" page told the person, and the data used, by name and value. Never audit-only values, reserved
/// keys (the user id), free text, event ids or times.
/// </summary>
public sealed record ReviewItem(
    string Suggestion,
    IReadOnlyList<ReviewItem.Option> Ranking,
    string Reason,
    IReadOnlyList<string> Factors,
    IReadOnlyList<ReviewItem.DataValue> DataUsed)
{
    public sealed record Option(string Name, double Probability);

    public sealed record DataValue(string Name, string Value);
}
