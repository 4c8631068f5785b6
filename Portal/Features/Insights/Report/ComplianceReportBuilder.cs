using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Catalog;
using Portal.Features.Insights.Drift;
using Portal.Features.Loops;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Report;

/// <summary>
/// Gathers a loop's compliance report for a period of whole UTC days, with the same analyses as the bias page:
/// the reward rate of each value of every audit-only or sensitive-looking categorical feature (all categorical
/// features when there is none) and of the loop's saved segments, against everyone.
/// </summary>
public sealed class ComplianceReportBuilder(
    IDbContextFactory<PortalDbContext> dbFactory,
    LoopDirectory loops,
    BiasChoices choices,
    BiasReportBuilder bias,
    DriftQueries drift,
    AuditQueries audit,
    SensitiveFeatureNames sensitive,
    SignOffQueries signOffs,
    Feedback.FeedbackFigures feedback,
    Accountability.LoopOwners owners,
    Accountability.DataHandlingStatements statements,
    Accountability.GoLive.GoLiveQueries goLive,
    ComprehensionRates comprehension,
    TimeProvider clock)
{
    public const int MaxFallbackFeatures = 5;

    public async Task<ComplianceReport?> BuildAsync(string loopId, DateOnly firstDay, DateOnly lastDay, string generatedBy, CancellationToken ct)
    {
        if (loops.Find(loopId) is not { } loop) return null;
        var period = AnalysisWindow.Days(firstDay, lastDay);
        var options = await choices.ForLoopAsync(loopId, ct);
        var watched = options.Features.Where(f => loop.AuditOnlyFeatures.Contains(f) || sensitive.LooksSensitive(f)).ToList();
        if (watched.Count == 0) watched = options.Features.Take(MaxFallbackFeatures).ToList();

        var disparities = new List<BiasReport>();
        foreach (var feature in watched) disparities.Add(await bias.BuildAsync(new BiasQuestion(loopId, period, Feature: feature), ct));
        if (options.Segments.Count > 0)
            disparities.Add(await bias.BuildAsync(new BiasQuestion(loopId, period, SegmentIds: options.Segments.Select(s => s.Id).ToList()), ct));

        var actions = await audit.FindAsync(new AuditFilter(From: period.From, To: period.To.AddTicks(-1), LoopId: loopId), 0, ComplianceReport.MaxListed, ct);
        var (flags, flagTotal) = await FlagsAsync(loopId, period, ct);
        var understood = new List<ComprehensionTable>();
        foreach (var disparity in disparities) understood.Add(await comprehension.ForQuestionAsync(disparity.Question, ct));
        return new ComplianceReport(loop.Id, loop.Name, period, clock.GetUtcNow(), generatedBy,
            loop.AuditOnlyFeatures.Order(StringComparer.Ordinal).ToList(),
            options.SensitiveInputs,
            disparities, await drift.DriftAsync(loopId, period, ct),
            actions.Entries.Select(e => new OversightAction(e.At, e.ActorName, e.Action, e.TargetId, e.Reason)).ToList(), actions.Total,
            flags, flagTotal, await signOffs.ForLoopAsync(loopId, ct), await feedback.ForLoopAsync(loopId, period.From, period.To, ct),
            await owners.FindAsync(loopId, ct), await statements.CurrentAsync(loopId, ct), (await goLive.StatusAsync(loopId, ct))?.Current, understood);
    }

    private async Task<(List<FlaggedDecision> Flags, int Total)> FlagsAsync(string loopId, AnalysisWindow period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = (period.From, period.To);
        var query = db.DecisionFlags.AsNoTracking().Where(f => f.LoopId == loopId && f.FlaggedAt >= from && f.FlaggedAt < to);
        var flags = await query.OrderBy(f => f.FlaggedAt).Take(ComplianceReport.MaxListed)
            .Select(f => new FlaggedDecision(f.FlaggedAt, f.EventId, f.FlaggedByName, f.Note)).ToListAsync(ct);
        return (flags, await query.CountAsync(ct));
    }
}
