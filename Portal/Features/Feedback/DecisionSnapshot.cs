using System.Text.Json;
using Portal.Contracts;
using Portal.Data.Entities;
using Portal.Features.Learning;

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
