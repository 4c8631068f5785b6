using Portal.Data.Entities;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// What an export of one loop must know beyond the rows: the audit-only feature paths it leaves out, the default reward
/// a decision without one is labelled with (as the trainer learns it), and the quarantined windows (never learned from).
/// </summary>
public sealed record LoopExportRules(string LoopId, IReadOnlySet<string> AuditOnlyFeatures, double DefaultReward, IReadOnlyList<QuarantineWindow> Quarantines);
