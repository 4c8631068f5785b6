using Portal.Features.Audit;
using Portal.Features.Decisions;
using Portal.Features.Loops;
using Portal.Features.Segments;

namespace Portal.Features.Oversight.Review;

/// <summary>Assembles a <see cref="DecisionReview"/> from the decision log, the catalog, the segments and the audit log.</summary>
public sealed class DecisionReviewQueries(DecisionQueries decisions, LoopQueries loops, SegmentCatalog segments, AuditQueries audit)
{
    public async Task<DecisionReview?> GetAsync(string loopId, string eventId, CancellationToken ct)
    {
        if (await decisions.GetAsync(loopId, eventId, ct) is not { } decision) return null;
        var names = (await loops.ActionsAsync(loopId, ct)).Where(a => a.DisplayName is not null).ToDictionary(a => a.ActionId, a => a.DisplayName!);
        var saved = segments.For(loopId).Where(s => s.Predicate.Matches(decision.Context)).Select(s => s.Name).ToList();
        var trail = await audit.ForTargetAsync("decision", $"{loopId}/{eventId}", ct);
        return new DecisionReview(decision, names, saved, trail);
    }
}
