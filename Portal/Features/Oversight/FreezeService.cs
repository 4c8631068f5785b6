using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Features.Oversight;

/// <summary>
/// Freezes and unfreezes actions: validate, persist with the audit entry in one transaction, then publish the new
/// control state, so the very next Rank obeys.
/// </summary>
public sealed class FreezeService(
    IDbContextFactory<PortalDbContext> dbFactory,
    LoopDirectory loops,
    ControlState control,
    AuditTrail audit,
    UrgentWrites urgent,
    TimeProvider clock)
{
    public async Task<OversightOutcome> FreezeAsync(string loopId, string actionId, string? reason, DateTimeOffset? expiresAt, Actor actor, CancellationToken ct)
    {
        if (AuditTrail.ReasonProblem(reason) is { } reasonProblem) return OversightOutcome.Invalid(reasonProblem);
        var now = clock.GetUtcNow();
        if (expiresAt is { } expiry && expiry <= now) return OversightOutcome.Invalid("The expiry must be in the future.");
        if (loops.Find(loopId) is null) return OversightOutcome.NotFound($"There is no loop '{loopId}'.");

        long id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await urgent.BeginTransactionAsync(db, ct);
            if (!await db.LoopActions.AnyAsync(a => a.LoopId == loopId && a.ActionId == actionId, ct))
                return OversightOutcome.NotFound($"Loop '{loopId}' has no action '{actionId}' in its catalog.");
            if (await ActiveFreezeAsync(db, loopId, actionId, now, ct) is { } existing)
                return OversightOutcome.Conflict($"'{actionId}' is frozen already (since {existing.FrozenAt:yyyy-MM-dd HH:mm} UTC by {existing.FrozenByName}).");

            var freeze = new ActionFreeze
            {
                LoopId = loopId, ActionId = actionId, Reason = reason!.Trim(), ExpiresAt = expiresAt,
                FrozenById = actor.UserId, FrozenByName = actor.Name, FrozenAt = now,
            };
            db.ActionFreezes.Add(freeze);
            await audit.AppendAsync(db, actor, new AuditRecord("action.freeze", "action", $"{loopId}/{actionId}", loopId,
                AuditRecord.Json(new { frozen = false }), AuditRecord.Json(new { frozen = true, expiresAt }), freeze.Reason), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            id = freeze.Id;
        }
        await control.ReloadAsync(ct);
        return OversightOutcome.Done(id);
    }

    public async Task<OversightOutcome> UnfreezeAsync(string loopId, string actionId, string? reason, Actor actor, CancellationToken ct)
    {
        if (AuditTrail.ReasonProblem(reason) is { } reasonProblem) return OversightOutcome.Invalid(reasonProblem);
        var now = clock.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await urgent.BeginTransactionAsync(db, ct);
            if (await ActiveFreezeAsync(db, loopId, actionId, now, ct) is not { } freeze)
                return OversightOutcome.Conflict($"'{actionId}' is not frozen in loop '{loopId}'.");
            freeze.LiftedAt = now;
            freeze.LiftedByName = actor.Name;
            freeze.LiftReason = reason!.Trim();
            await audit.AppendAsync(db, actor, new AuditRecord("action.unfreeze", "action", $"{loopId}/{actionId}", loopId,
                AuditRecord.Json(new { frozen = true, freeze.Reason, freeze.FrozenByName, freeze.ExpiresAt }),
                AuditRecord.Json(new { frozen = false }), freeze.LiftReason), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await control.ReloadAsync(ct);
        return OversightOutcome.Done();
    }

    private static async Task<ActionFreeze?> ActiveFreezeAsync(PortalDbContext db, string loopId, string actionId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.ActionFreezes.Where(f => f.LoopId == loopId && f.ActionId == actionId && f.LiftedAt == null).ToListAsync(ct);
        return open.FirstOrDefault(f => f.IsActiveAt(now));
    }
}
