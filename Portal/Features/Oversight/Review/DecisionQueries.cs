using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.DecisionLog;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Features.Learning.Models;

namespace Portal.Features.Oversight.Review;

/// <summary>Reads one logged decision back with its request, ranking, explanation, reward and review.</summary>
public sealed class DecisionQueries(IDbContextFactory<PortalDbContext> dbFactory, ModelRegistry models)
{
    public async Task<DecisionDetail?> GetAsync(string loopId, string eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(x => x.LoopId == loopId && x.EventId == eventId, ct);
        if (d is null) return null;
        var flag = await db.DecisionFlags.AsNoTracking().Where(f => f.DecisionSeq == d.Seq)
            .Select(f => new DecisionFlagInfo(f.Note, f.FlaggedByName, f.FlaggedAt)).FirstOrDefaultAsync(ct);
        var quarantined = await db.Quarantines.AnyAsync(q => q.LoopId == loopId && q.From <= d.CreatedAt && q.To > d.CreatedAt && (q.Source == null || q.Source == d.RewardSource), ct);
        var request = LoggedRequest.Read(d.RequestJson);
        return new DecisionDetail(
            d.Seq, d.LoopId, d.EventId, d.CreatedAt,
            request?.ContextFeatures ?? [],
            JsonSerializer.Deserialize(d.RankingJson, PersonalizerJsonContext.Default.IReadOnlyListRankedAction) ?? [],
            request?.ExcludedActions ?? [],
            d.ChosenActionId, d.ChosenProbability, d.BaselineActionId, d.Explored, d.ModelVersion, d.Mode,
            JsonSerializer.Deserialize(d.ExplanationJson, PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution) ?? [],
            d.Oversight, d.RuleId, d.OversightDetail, d.DeferActivation, d.ActivatedAt, d.Reward, d.RewardCount, flag,
            Learned: models.Find(loopId)?.LastTrainedSeq >= d.Seq && !quarantined, quarantined);
    }
}
