using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Oversight;

/// <summary>
/// The loop-wide controls: the kill switch (of one loop or of all), the serving mode and the four-eyes requirement
/// for rules. Each change is persisted with its audit entry in one transaction, then published to Rank. The kill
/// switch and the mode need <see cref="PortalPolicies.Oversee"/>, the four-eyes requirement <see cref="PortalPolicies.Administer"/>.
/// </summary>
public sealed class LoopControlService(
    ServingChanges changes,
    ActorAuthorization authorization,
    LoopDirectory loops,
    ControlState control,
    TimeProvider clock)
{
    /// <param name="loopId">A loop, or null for the switch of every loop.</param>
    public async Task<OversightOutcome> SetKillSwitchAsync(string? loopId, bool on, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Oversee);
        if (AuditTrail.ReasonProblem(reason) is { } problem) return OversightOutcome.Invalid(problem);
        return await ChangeAsync(loopId, actor, ct, c =>
        {
            if (c.KillSwitchOn == on) return Refuse(on ? "The kill switch is on already." : "The kill switch is off already.");
            var before = AuditRecord.Json(new { killSwitch = c.KillSwitchOn, reason = c.KillSwitchReason });
            c.KillSwitchOn = on;
            c.KillSwitchReason = reason!.Trim();
            c.KillSwitchChangedBy = actor.Name;
            c.KillSwitchChangedAt = clock.GetUtcNow();
            return new AuditRecord(on ? "kill-switch.on" : "kill-switch.off", loopId is null ? "all-loops" : "loop", c.Scope, loopId,
                before, AuditRecord.Json(new { killSwitch = on }), c.KillSwitchReason);
        });
    }

    public async Task<OversightOutcome> SetModeAsync(string loopId, ServingMode mode, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Oversee);
        if (AuditTrail.ReasonProblem(reason) is { } problem) return OversightOutcome.Invalid(problem);
        if (loops.Find(loopId) is null) return OversightOutcome.NotFound($"There is no loop '{loopId}'.");
        return await ChangeAsync(loopId, actor, ct, (c, loop) =>
        {
            var current = ModeOf(loop!.Settings.LearningMode, c.ModelFrozen);
            if (current == mode) return Refuse($"Loop '{loopId}' is in {mode} mode already.");
            c.ModelFrozen = mode == ServingMode.ModelFrozen;
            loop.Settings = loop.Settings with { LearningMode = LearningModeOf(mode) };
            return new AuditRecord("loop.mode", "loop", loopId, loopId,
                AuditRecord.Json(new { mode = current }), AuditRecord.Json(new { mode }), reason!.Trim());
        }, publishLoops: true);
    }

    public async Task<OversightOutcome> SetRuleApprovalAsync(string loopId, bool required, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        if (AuditTrail.ReasonProblem(reason) is { } problem) return OversightOutcome.Invalid(problem);
        if (loops.Find(loopId) is null) return OversightOutcome.NotFound($"There is no loop '{loopId}'.");
        return await ChangeAsync(loopId, actor, ct, c =>
        {
            if (c.RequireRuleApproval == required) return Refuse(required ? "Rules of this loop need approval already." : "Rules of this loop need no approval already.");
            c.RequireRuleApproval = required;
            return new AuditRecord("loop.rule-approval", "loop", loopId, loopId,
                AuditRecord.Json(new { requireApproval = !required }), AuditRecord.Json(new { requireApproval = required }), reason!.Trim());
        });
    }

    public static ServingMode ModeOf(LearningMode learningMode, bool modelFrozen) =>
        modelFrozen ? ServingMode.ModelFrozen : learningMode switch
        {
            LearningMode.Apprentice => ServingMode.Apprentice,
            LearningMode.LoggingOnly => ServingMode.LoggingOnly,
            _ => ServingMode.Online,
        };

    private static LearningMode LearningModeOf(ServingMode mode) => mode switch
    {
        ServingMode.Apprentice => LearningMode.Apprentice,
        ServingMode.LoggingOnly => LearningMode.LoggingOnly,
        _ => LearningMode.Online,
    };

    /// <summary>A change either yields its audit record or is refused as a conflict with the current state.</summary>
    private readonly record struct Change(AuditRecord? Record, string? Conflict)
    {
        public static implicit operator Change(AuditRecord record) => new(record, null);
    }

    private static Change Refuse(string conflict) => new(null, conflict);

    private Task<OversightOutcome> ChangeAsync(string? loopId, Actor actor, CancellationToken ct, Func<LoopControl, Change> change) =>
        ChangeAsync(loopId, actor, ct, (c, _) => change(c));

    /// <summary>Loads (or starts) the control row and the loop, applies the change, audits it, commits, publishes.</summary>
    private Task<OversightOutcome> ChangeAsync(string? loopId, Actor actor, CancellationToken ct, Func<LoopControl, Loop?, Change> change,
        bool publishLoops = false) =>
        changes.ApplyAsync(actor, async db =>
        {
            Loop? loop = null;
            if (loopId is not null && (loop = await db.Loops.FindAsync([loopId], ct)) is null)
                return AuditedChange<OversightOutcome>.Refused(OversightOutcome.NotFound($"There is no loop '{loopId}'."));
            var scope = loopId ?? LoopControl.GlobalScope;
            var row = await db.LoopControls.FindAsync([scope], ct);
            if (row is null) db.LoopControls.Add(row = new LoopControl { Scope = scope });

            var result = change(row, loop);
            return result.Record is null
                ? AuditedChange<OversightOutcome>.Refused(OversightOutcome.Conflict(result.Conflict!))
                : AuditedChange<OversightOutcome>.Made(OversightOutcome.Done(), result.Record);
        }, async token =>
        {
            await control.ReloadAsync(token);
            if (publishLoops) await loops.ReloadAsync(token);
        }, ct);
}
