using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Insights.Catalog;
using Portal.Features.Insights.Statistics;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.PublicPages.Why;

/// <summary>
/// Reads the decision a "Why this suggestion?" link names and explains it from what was logged at the time: the
/// chosen item, whether the model chose it, exploration, a rule or the standard choice did, the top factors of the
/// model's score, and what data was used. Audit-only features are named as recorded, never with their values, and
/// never as factors. A wrong, expired or forgotten link gives null, all alike.
/// </summary>
public sealed class WhyExplanations(DecisionLinkTokens tokens, IDbContextFactory<PortalDbContext> dbFactory, LoopDirectory loops, FeatureDisplayNames displayNames,
    Accountability.LoopOwners owners, Accountability.DataHandlingStatements statements)
{
    public const int FactorCount = 3;
    private const string Constant = "(constant)";

    public async Task<WhyExplanation?> ForTokenAsync(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } reference || loops.Find(reference.LoopId) is not { } loop) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decision = await db.Decisions.AsNoTracking()
            .Where(d => d.LoopId == reference.LoopId && d.EventId == reference.EventId)
            .Select(d => new { d.CreatedAt, d.ChosenActionId, d.Explored, d.Mode, d.Oversight, d.RequestJson, d.ExplanationJson })
            .FirstOrDefaultAsync(ct);
        if (decision is null) return null;

        var names = await displayNames.ForLoopAsync(loop.Id, ct);
        using var context = LoggedContext.Of(decision.RequestJson);
        var leaves = FeatureJson.Leaves(context.Features);
        var wording = new FeatureWording(names, leaves.Select(l => l.Path).ToHashSet(StringComparer.Ordinal));
        var reason = ReasonOf(decision.Oversight, decision.Mode, decision.Explored);
        var factors = reason == WhyReason.Personalized ? Factors(decision.ExplanationJson, loop, wording) : [];
        var used = leaves.Where(l => !IsAuditOnly(l.Path, loop)).DistinctBy(l => l.Path)
            .Select(l => new WhyDataItem(wording.Name(l.Path), l.InList ? null : l.Value)).ToList();
        var recorded = leaves.Where(l => IsAuditOnly(l.Path, loop)).Select(l => wording.Name(l.Path)).Distinct().ToList();
        return new WhyExplanation(names.ActionName(decision.ChosenActionId), decision.CreatedAt, reason, factors, used, recorded,
            loop.Id, await owners.FindAsync(loop.Id, ct), await statements.ExistsAsync(loop.Id, ct));
    }

    public static WhyReason ReasonOf(OversightEffects oversight, LearningMode mode, bool explored) =>
        (oversight & OversightEffects.OptedOut) != 0 ? WhyReason.OptedOut
        : (oversight & OversightEffects.RuleApplied) != 0 ? WhyReason.Rule
        : (oversight & (OversightEffects.KillSwitch | OversightEffects.AllFrozenBaseline | OversightEffects.AwaitingGoLive)) != 0 || mode != LearningMode.Online ? WhyReason.Standard
        : explored ? WhyReason.Exploration
        : WhyReason.Personalized;

    /// <summary>The terms that argued most for the item, strongest first; the constant and audit-only features are no factors.</summary>
    public static List<string> Factors(string explanationJson, LoopRuntime loop, FeatureWording wording)
    {
        var terms = JsonSerializer.Deserialize(explanationJson, PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution) ?? [];
        return terms
            .Where(t => t.Contribution > 0 && t.Feature != Constant && !PartsOf(t.Feature).Any(p => IsAuditOnly(FeatureAttribution.FeatureOf(p), loop)))
            .OrderByDescending(t => t.Contribution)
            .Take(FactorCount)
            .Select(t => wording.Term(t.Feature))
            .ToList();
    }

    private static IEnumerable<string> PartsOf(string term) => term.Split(FeatureAttribution.InteractionSeparator);

    /// <summary>A path is audit-only when it, or an object it is in, is marked.</summary>
    public static bool IsAuditOnly(string path, LoopRuntime loop)
    {
        var marked = loop.AuditOnlyFeatures;
        if (marked.Count == 0) return false;
        if (marked.Contains(path)) return true;
        for (var dot = path.IndexOf('.'); dot > 0; dot = path.IndexOf('.', dot + 1))
        {
            if (marked.Contains(path[..dot])) return true;
        }
        return false;
    }
}
