using System.Text.Json;
using Portal.Features.Oversight.Controls;
using Portal.Features.Segments;

namespace Portal.Features.Oversight.Review;

/// <summary>
/// The decision <see cref="DecisionActions"/> acts on, wherever it is shown: the decision page builds it from the log,
/// another feature from what it kept of the decision (a feedback ticket's snapshot outlives the log).
/// </summary>
/// <param name="Candidates">The actions the freeze dialog offers; <paramref name="Chosen"/> is preselected.</param>
/// <param name="Flagged">Null where the caller cannot tell: the flag is then not offered.</param>
public sealed record DecisionSubject(
    string LoopId,
    string EventId,
    CatalogEntry Chosen,
    IReadOnlyList<CatalogEntry> Candidates,
    IReadOnlyList<JsonElement> Context,
    bool? Flagged)
{
    public string ChosenDisplay => Chosen.DisplayName ?? Chosen.ActionId;

    /// <summary>The automatic segments the decision falls in (one per categorical context feature), for a rule about it.</summary>
    public IReadOnlyList<SegmentChoice> Segments() =>
        ContextFeatures.Categories(Context).Select(c => SegmentChoices.Automatic(c.Feature, c.Value)).ToList();

    /// <summary>A logged decision, with the catalog's names for its candidates.</summary>
    public static DecisionSubject Of(DecisionReview review)
    {
        var decision = review.Decision;
        CatalogEntry Entry(string id) => new(id, review.DisplayNames.GetValueOrDefault(id));
        return new DecisionSubject(decision.LoopId, decision.EventId, Entry(decision.ChosenActionId),
            decision.Ranking.Select(r => Entry(r.Id)).ToList(), decision.Context, decision.Flag is not null);
    }
}
