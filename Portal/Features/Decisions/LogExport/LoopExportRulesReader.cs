using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// What a replay of a loop's log must know beyond the rows: its quarantined windows and flagged decisions, read once.
/// Shared by the export and the offline evaluation, so both skip exactly what the trainer skips.
/// </summary>
public sealed class LoopExportRulesReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<LoopExportRules> ReadAsync(string loopId, IReadOnlySet<string> auditOnly, double defaultReward, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quarantines = await db.Quarantines.AsNoTracking().Where(q => q.LoopId == loopId).Select(q => new QuarantineWindow(q.From, q.To, q.Source)).ToListAsync(ct);
        var flagged = await db.DecisionFlags.AsNoTracking().Where(f => f.LoopId == loopId).Select(f => f.DecisionSeq).ToListAsync(ct);
        return new LoopExportRules(loopId, auditOnly, defaultReward, quarantines, flagged.ToHashSet());
    }
}
