using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Loops;

namespace Portal.Features.Oversight.Controls;

/// <summary>What the Controls page shows: every loop's mode, kill switch, frozen actions, and the switch of all loops.</summary>
public sealed class LoopControlQueries(IDbContextFactory<PortalDbContext> dbFactory, LoopDirectory loops, ControlState control)
{
    public sealed record Overview(KillSwitchView Global, IReadOnlyList<LoopControlView> Loops);

    public async Task<Overview> OverviewAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var controls = await db.LoopControls.AsNoTracking().ToDictionaryAsync(c => c.Scope, ct);
        var catalog = (await db.LoopActions.AsNoTracking().OrderBy(a => a.ActionId)
                .Select(a => new { a.LoopId, a.ActionId, a.DisplayName }).ToListAsync(ct))
            .ToLookup(a => a.LoopId, a => new CatalogEntry(a.ActionId, a.DisplayName));
        var snapshot = control.Current;

        var views = loops.All.OrderBy(l => l.Id, StringComparer.Ordinal).Select(loop =>
        {
            var row = controls.GetValueOrDefault(loop.Id);
            var oversight = snapshot.For(loop.Id);
            return new LoopControlView(loop.Id, loop.Name,
                LoopControlService.ModeOf(loop.Settings.LearningMode, row?.ModelFrozen == true),
                KillSwitchOf(row), row?.RequireRuleApproval ?? true,
                oversight.Frozen.Values.OrderBy(f => f.ActionId, StringComparer.Ordinal).ToList(),
                catalog[loop.Id].ToList(), oversight.AwaitingGoLive);
        }).ToList();
        return new Overview(KillSwitchOf(controls.GetValueOrDefault(LoopControl.GlobalScope)), views);
    }

    private static KillSwitchView KillSwitchOf(LoopControl? row) =>
        new(row?.KillSwitchOn == true, row?.KillSwitchReason, row?.KillSwitchChangedBy, row?.KillSwitchChangedAt);
}
