using System.Text.Json;
using Portal.Contracts;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Features.Oversight.Controls;
using Portal.Features.Oversight.Review;

namespace Portal.Features.Feedback;

/// <summary>
/// A decision as it was when feedback about it arrived: what was chosen (and its display name then), with what
/// probability, whether it explored, the baseline, the context features, the explanation and the mode it ran in.
/// </summary>
public sealed record DecisionSnapshot(
    string LoopId,
    string EventId,
    DateTimeOffset DecidedAt,
    string ChosenActionId,
    string? ChosenActionName,
    double Probability,
    bool Explored,
    string BaselineActionId,
    string? BaselineActionName,
    string Mode,
    long ModelVersion,
    JsonElement ContextFeatures,
    IReadOnlyList<FeatureContribution> Explanation,
    OversightEffects Oversight = OversightEffects.None,
    string? OversightDetail = null,
    long? RuleId = null)
{
    public string ChosenDisplay => ChosenActionName ?? ChosenActionId;

    /// <summary>
    /// The decision as oversight's actions take it. The snapshot knows only the chosen action of the candidates, and not
    /// whether the decision has been flagged since (it may be gone from the log), so the flag is not offered.
    /// </summary>
    public DecisionSubject ToSubject()
    {
        var chosen = new CatalogEntry(ChosenActionId, ChosenActionName);
        var context = ContextFeatures.ValueKind == JsonValueKind.Array ? ContextFeatures.EnumerateArray().ToList() : [];
        return new DecisionSubject(LoopId, EventId, chosen, [chosen], context, Flagged: null);
    }

    public string Serialize() => JsonSerializer.Serialize(this, FeedbackJsonContext.Default.DecisionSnapshot);

    /// <summary>Null for a missing or unreadable snapshot: the ticket then shows no decision rather than failing.</summary>
    public static DecisionSnapshot? Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize(json, FeedbackJsonContext.Default.DecisionSnapshot);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
