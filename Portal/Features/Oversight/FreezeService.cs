using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Change = Portal.Features.Audit.AuditedChange<Portal.Features.Oversight.OversightOutcome>;

namespace Portal.Features.Oversight;

/// <summary>
/// Freezes and unfreezes actions (policy <see cref="PortalPolicies.FreezeActions"/>): validate, persist with the audit
/// entry in one transaction, then publish the new control state, so the very next Rank obeys.
/// </summary>
public sealed class FreezeService(
    ServingChanges changes,
    ActorAuthorization authorization,
    LoopDirectory loops,
    ControlState control,
    TimeProvider clock)
{
    public async Task<OversightOutcome> FreezeAsync(string loopId, string actionId, string? reason, DateTimeOffset? expiresAt, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.FreezeActions);
        if (AuditTrail.ReasonProblem(reason) is { } reasonProblem) return OversightOutcome.Invalid(reasonProblem);
        var now = clock.GetUtcNow();
        if (expiresAt is { } expiry && expiry <= now) return OversightOutcome.Invalid("The expiry must be in the future.");
        if (loops.Find(loopId) is null) return OversightOutcome.NotFound($"There is no loop '{loopId}'.");

        return await changes.ApplyAsync(actor, async db =>
        {
            if (!await db.LoopActions.AnyAsync(a => a.LoopId == loopId && a.ActionId == actionId, ct))
                return Change.Refused(OversightOutcome.NotFound($"Loop '{loopId}' has no action '{actionId}' in its catalog."));
            if (await ActiveFreezeAsync(db, loopId, actionId, now, ct) is { } existing)
                return Change.Refused(OversightOutcome.Conflict(
                    $"'{actionId}' is frozen already (since {existing.FrozenAt:yyyy-MM-dd HH:mm} UTC by {existing.FrozenByName})."));

            var freeze = new ActionFreeze
            {
                LoopId = loopId, ActionId = actionId, Reason = reason!.Trim(), ExpiresAt = expiresAt,
                FrozenById = actor.UserId, FrozenByName = actor.Name, FrozenAt = now,
            };
            db.ActionFreezes.Add(freeze);
            await db.SaveChangesAsync(ct);
            return Change.Made(OversightOutcome.Done(freeze.Id), new AuditRecord("action.freeze", "action",
                $"{loopId}/{actionId}", loopId, AuditRecord.Json(new { frozen = false }), AuditRecord.Json(new { frozen = true, expiresAt }), freeze.Reason));
        }, control.ReloadAsync, ct);
    }

    public async Task<OversightOutcome> UnfreezeAsync(string loopId, string actionId, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.FreezeActions);
        if (AuditTrail.ReasonProblem(reason) is { } reasonProblem) return OversightOutcome.Invalid(reasonProblem);
        var now = clock.GetUtcNow();
        return await changes.ApplyAsync(actor, async db =>
        {
            if (await ActiveFreezeAsync(db, loopId, actionId, now, ct) is not { } freeze)
                return Change.Refused(OversightOutcome.Conflict($"'{actionId}' is not frozen in loop '{loopId}'."));
            var before = AuditRecord.Json(new { frozen = true, freeze.Reason, freeze.FrozenByName, freeze.ExpiresAt });
            freeze.LiftedAt = now;
            freeze.LiftedByName = actor.Name;
            freeze.LiftReason = reason!.Trim();
            return Change.Made(OversightOutcome.Done(), new AuditRecord("action.unfreeze", "action",
                $"{loopId}/{actionId}", loopId, before, AuditRecord.Json(new { frozen = false }), freeze.LiftReason));
        }, control.ReloadAsync, ct);
    }

    private static async Task<ActionFreeze?> ActiveFreezeAsync(PortalDbContext db, string loopId, string actionId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.ActionFreezes.Where(f => f.LoopId == loopId && f.ActionId == actionId && f.LiftedAt == null).ToListAsync(ct);
        return open.FirstOrDefault(f => f.IsActiveAt(now));
    }
}
