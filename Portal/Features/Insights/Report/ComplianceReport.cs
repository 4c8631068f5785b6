using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Drift;

namespace Portal.Features.Insights.Report;

/// <summary>
/// What a loop's compliance report says about a period: its fairness settings, the disparities of its audit-only and
/// sensitive-looking features (and saved segments), the drift of its context features, every oversight action and
/// every decision flagged by a person. A snapshot: the document and its sign-off are made from one instance.
/// </summary>
public sealed record ComplianceReport(
    string LoopId,
    string LoopName,
    AnalysisWindow Period,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<string> AuditOnlyFeatures,
    IReadOnlyList<string> SensitiveInputs,
    IReadOnlyList<BiasReport> Disparities,
    IReadOnlyList<FeatureDrift> Drift,
    IReadOnlyList<OversightAction> OversightActions,
    int OversightActionsTotal,
    IReadOnlyList<FlaggedDecision> FlaggedDecisions,
    int FlaggedDecisionsTotal,
    IReadOnlyList<SignOffSummary> EarlierSignOffs,
    Feedback.FeedbackFigures.Summary? Tickets = null,
    Accountability.LoopOwner? Owner = null,
    Accountability.StatementVersion? Statement = null,
    Accountability.GoLive.GoLiveRecord? GoLive = null,
    IReadOnlyList<ComprehensionTable>? Comprehension = null)
{
    public const int MaxListed = 500;

    public long Decisions => Disparities.FirstOrDefault()?.Everyone.Decisions ?? 0;

    public int DisparitiesFlagged => Disparities.Sum(d => d.Flagged.Count());

    public int SignificantDrift => Drift.Count(d => d.Level == Statistics.DriftLevel.Significant);
}
