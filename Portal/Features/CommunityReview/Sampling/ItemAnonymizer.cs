using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Insights.Catalog;
using Portal.Features.Loops;
using Portal.Features.PublicPages.Why;

namespace Portal.Features.CommunityReview.Sampling;

/// <summary>
/// Turns a logged decision into the <see cref="ReviewItem"/> reviewers judge, in the Why page's words (its reason, its
/// factors, the display names people gave features and actions). What could identify someone stays out: audit-only
/// features (and everything inside a marked object), reserved keys such as the user id (the feature reader skips them),
/// free text (<c>_text</c> may hold anything), ids and times.
/// </summary>
public static class ItemAnonymizer
{
    public const int MaxRanked = 10;

    public sealed record LoggedRow(string RequestJson, string RankingJson, string ExplanationJson, string ChosenActionId,
        bool Explored, LearningMode Mode, OversightEffects Oversight);

    public static ReviewItem Anonymize(LoggedRow row, LoopRuntime loop, DisplayNames names)
    {
        using var context = LoggedContext.Of(row.RequestJson);
        var leaves = FeatureJson.Leaves(context.Features);
        var wording = new FeatureWording(names, leaves.Select(l => l.Path).ToHashSet(StringComparer.Ordinal));
        var reason = WhyExplanations.ReasonOf(row.Oversight, row.Mode, row.Explored);
        var factors = reason == WhyReason.Personalized ? WhyExplanations.Factors(row.ExplanationJson, loop, wording) : [];
        var suggestion = names.ActionName(row.ChosenActionId);
        var lead = WhyWording.Lead(new WhyExplanation(suggestion, default, reason, factors, [], []));
        var data = leaves
            .Where(l => l.Kind != FeatureValueKind.Words && !WhyExplanations.IsAuditOnly(l.Path, loop))
            .GroupBy(l => l.Path, StringComparer.Ordinal)
            .Select(g => new ReviewItem.DataValue(wording.Name(g.Key), string.Join(", ", g.Select(l => l.Value).Distinct(StringComparer.Ordinal))))
            .ToList();
        var ranking = (JsonSerializer.Deserialize(row.RankingJson, PersonalizerJsonContext.Default.IReadOnlyListRankedAction) ?? [])
            .Take(MaxRanked).Select(r => new ReviewItem.Option(names.ActionName(r.Id), r.Probability)).ToList();
        return new ReviewItem(suggestion, ranking, lead, factors, data);
    }

    public static string Serialize(ReviewItem item) => JsonSerializer.Serialize(item, Json);

    public static ReviewItem Deserialize(string json) => JsonSerializer.Deserialize<ReviewItem>(json, Json)!;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
