using Portal.Contracts.DecisionLog;
using Portal.Data.Entities;
using Portal.Features.Decisions;
using Portal.Features.Segments;

namespace Portal.Features.Oversight;

/// <summary>What a rule would have done to recent decisions: the reviewer's evidence before approving it.</summary>
public sealed class RuleImpact(DecisionSamples samples)
{
    public sealed record Estimate(int WouldChange, int Matching, int Scanned, DateTimeOffset? Since);

    public async Task<Estimate> EstimateAsync(string loopId, SegmentDefinition segment, OverrideKind kind, IReadOnlyList<string> actionIds, CancellationToken ct)
    {
        var recent = await samples.RecentAsync(loopId, DecisionSamples.DefaultSize, ct);
        var predicate = SegmentPredicate.Compile(segment);
        var matching = recent.Where(d => predicate.Matches(d.Context)).ToList();
        return new Estimate(matching.Count(d => WouldChange(d, kind, actionIds)), matching.Count, recent.Count, recent.LastOrDefault()?.CreatedAt);
    }

    /// <summary>Whether the rule would have served something else than what was served.</summary>
    public static bool WouldChange(LoggedDecision decision, OverrideKind kind, IReadOnlyList<string> actionIds) => kind switch
    {
        OverrideKind.ForceAction => actionIds.Count == 1 && decision.ChosenActionId != actionIds[0]
                                    && decision.CandidateIds.Contains(actionIds[0]) && !decision.ExcludedIds.Contains(actionIds[0]),
        OverrideKind.ExcludeActions => actionIds.Contains(decision.ChosenActionId),
        _ => decision.ChosenActionId != decision.BaselineActionId,
    };
}
