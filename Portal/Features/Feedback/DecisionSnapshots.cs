using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Features.Learning;
using Portal.Features.PublicPages;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback;

/// <summary>Takes the snapshot of a logged decision that a ticket keeps (see <see cref="DecisionSnapshot"/>).</summary>
public sealed class DecisionSnapshots(IDbContextFactory<PortalDbContext> dbFactory, DecisionLinkTokens links)
{
    /// <summary>The decision a signed link names; null when the link is missing, forged or expired, or the decision is gone.</summary>
    public async Task<DecisionSnapshot?> FromLinkAsync(string? token, CancellationToken ct) =>
        links.Read(token) is { } link ? await TakeAsync(link.LoopId, link.EventId, ct) : null;

    /// <summary>Null when the decision is not (or no longer) in the log.</summary>
    public async Task<DecisionSnapshot?> TakeAsync(string loopId, string eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decision = await db.Decisions.AsNoTracking()
            .Where(d => d.LoopId == loopId && d.EventId == eventId)
            .Select(d => new
            {
                d.CreatedAt, d.RequestJson, d.ChosenActionId, d.ChosenProbability, d.BaselineActionId, d.Explored,
                d.Mode, d.ModelVersion, d.ExplanationJson, d.Oversight, d.OversightDetail, d.RuleId,
            })
            .FirstOrDefaultAsync(ct);
        if (decision is null) return null;

        var names = await db.LoopActions.AsNoTracking()
            .Where(a => a.LoopId == loopId && (a.ActionId == decision.ChosenActionId || a.ActionId == decision.BaselineActionId))
            .ToDictionaryAsync(a => a.ActionId, a => a.DisplayName, ct);
        return new DecisionSnapshot(loopId, eventId, decision.CreatedAt,
            decision.ChosenActionId, names.GetValueOrDefault(decision.ChosenActionId), decision.ChosenProbability, decision.Explored,
            decision.BaselineActionId, names.GetValueOrDefault(decision.BaselineActionId),
            decision.Mode.ToString(), decision.ModelVersion, LoggedContext.Detached(decision.RequestJson), ExplanationOf(decision.ExplanationJson),
            decision.Oversight, decision.OversightDetail, decision.RuleId);
    }

    private static IReadOnlyList<FeatureContribution> ExplanationOf(string explanationJson)
    {
        try
        {
            return JsonSerializer.Deserialize(explanationJson, PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
