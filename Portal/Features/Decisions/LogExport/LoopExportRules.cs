using Portal.Data.Entities;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// What an export of one loop must know beyond the rows: the audit-only feature paths it leaves out, the default reward
/// a decision without one is labelled with (as the trainer learns it), the quarantined windows and the flagged
/// decisions (both never learned from; flags are few, so their keys are read once rather than joined on every row).
/// </summary>
public sealed record LoopExportRules(string LoopId, IReadOnlySet<string> AuditOnlyFeatures, double DefaultReward, IReadOnlyList<QuarantineWindow> Quarantines,
    IReadOnlySet<long> Flagged);
