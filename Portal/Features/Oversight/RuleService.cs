using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Change = Portal.Features.Audit.AuditedChange<Portal.Features.Oversight.OversightOutcome>;

namespace Portal.Features.Oversight;

/// <summary>
/// Override rules: written by one person, approved by another where the loop asks for four eyes, revoked at any time.
/// Every step is persisted with its audit entry, then published to Rank. A rule acts only once approved, from its
/// start until its expiry. Writing needs <see cref="PortalPolicies.Oversee"/>, reviewing <see cref="PortalPolicies.ApproveRules"/>,
/// revoking either.
/// </summary>
public sealed class RuleService(
    ServingChanges changes,
    ActorAuthorization authorization,
    ControlState control,
    TimeProvider clock)
{
    public async Task<OversightOutcome> CreateAsync(RuleDraft draft, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Oversee);
        var now = clock.GetUtcNow();
        if (Problem(draft, now) is { } problem) return OversightOutcome.Invalid(problem);
        return await changes.ApplyAsync(actor, async db =>
        {
            if (!await db.Loops.AnyAsync(l => l.Id == draft.LoopId, ct)) return Change.Refused(OversightOutcome.NotFound($"There is no loop '{draft.LoopId}'."));
            var known = await db.LoopActions.Where(a => a.LoopId == draft.LoopId && draft.ActionIds.Contains(a.ActionId)).Select(a => a.ActionId).ToListAsync(ct);
            if (draft.ActionIds.FirstOrDefault(a => !known.Contains(a)) is { } unknown)
                return Change.Refused(OversightOutcome.Invalid($"Loop '{draft.LoopId}' has no action '{unknown}' in its catalog."));

            var needsApproval = (await db.LoopControls.FindAsync([draft.LoopId], ct))?.RequireRuleApproval ?? true;
            var rule = new OverrideRule
            {
                LoopId = draft.LoopId,
                SegmentName = draft.SegmentName.Trim(),
                SegmentId = draft.SegmentId,
                PredicateJson = SegmentJson.Write(draft.Segment),
                Kind = draft.Kind,
                ActionIdsJson = JsonSerializer.Serialize(draft.ActionIds.Distinct().ToArray()),
                Reason = draft.Reason!.Trim(),
                Priority = draft.Priority,
                StartsAt = draft.StartsAt ?? now,
                ExpiresAt = draft.ExpiresAt,
                Status = needsApproval ? RuleStatus.PendingApproval : RuleStatus.Approved,
                AuthorId = actor.UserId,
                AuthorName = actor.Name,
                CreatedAt = now,
            };
            db.OverrideRules.Add(rule);
            await db.SaveChangesAsync(ct);
            return Change.Made(OversightOutcome.Done(rule.Id), new AuditRecord("rule.create", "rule", Key(rule.Id), rule.LoopId,
                After: Snapshot(rule), Reason: rule.Reason));
        }, control.ReloadAsync, ct);
    }

    /// <summary>Four eyes: anyone allowed to approve, except the rule's author.</summary>
    public async Task<OversightOutcome> ApproveAsync(long ruleId, string? note, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ApproveRules);
        return await ReviewAsync(ruleId, actor, "rule.approve", note, ct, rule =>
        {
            if (rule.Status != RuleStatus.PendingApproval) return $"Rule #{rule.Id} is {rule.Status}, not waiting for approval.";
            if (IsAuthor(rule, actor)) return "You wrote this rule: someone else must approve it (four eyes).";
            if (rule.ExpiresAt <= clock.GetUtcNow()) return $"Rule #{rule.Id} has expired; write a new one.";
            rule.Status = RuleStatus.Approved;
            return null;
        });
    }

    public async Task<OversightOutcome> RejectAsync(long ruleId, string? note, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ApproveRules);
        if (AuditTrail.ReasonProblem(note) is { } problem) return OversightOutcome.Invalid(problem);
        return await ReviewAsync(ruleId, actor, "rule.reject", note, ct, rule =>
        {
            if (rule.Status != RuleStatus.PendingApproval) return $"Rule #{rule.Id} is {rule.Status}, not waiting for approval.";
            rule.Status = RuleStatus.Rejected;
            return null;
        });
    }

    /// <summary>Stops a rule before its expiry (or withdraws one still waiting for approval): whoever writes or reviews rules.</summary>
    public async Task<OversightOutcome> RevokeAsync(long ruleId, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAnyAsync(actor, PortalPolicies.Oversee, PortalPolicies.ApproveRules);
        if (AuditTrail.ReasonProblem(reason) is { } problem) return OversightOutcome.Invalid(problem);
        return await ChangeAsync(ruleId, actor, "rule.revoke", reason, ct, rule =>
        {
            if (rule.Status is not (RuleStatus.Approved or RuleStatus.PendingApproval)) return $"Rule #{rule.Id} is {rule.Status} already.";
            rule.Status = RuleStatus.Revoked;
            rule.RevokedAt = clock.GetUtcNow();
            rule.RevokedByName = actor.Name;
            return null;
        });
    }

    private Task<OversightOutcome> ReviewAsync(long ruleId, Actor actor, string action, string? note, CancellationToken ct, Func<OverrideRule, string?> decide) =>
        ChangeAsync(ruleId, actor, action, note, ct, rule =>
        {
            if (decide(rule) is { } conflict) return conflict;
            rule.ReviewerName = actor.Name;
            rule.ReviewedAt = clock.GetUtcNow();
            rule.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            return null;
        });

    private async Task<OversightOutcome> ChangeAsync(long ruleId, Actor actor, string action, string? reason, CancellationToken ct, Func<OverrideRule, string?> change)
    {
        if (reason is { Length: > AuditTrail.MaxReasonLength }) return OversightOutcome.Invalid($"The note has more than {AuditTrail.MaxReasonLength} characters.");
        return await changes.ApplyAsync(actor, async db =>
        {
            if (await db.OverrideRules.FindAsync([ruleId], ct) is not { } rule) return Change.Refused(OversightOutcome.NotFound($"There is no rule #{ruleId}."));
            var before = Snapshot(rule);
            if (change(rule) is { } conflict) return Change.Refused(OversightOutcome.Conflict(conflict));
            return Change.Made(OversightOutcome.Done(ruleId), new AuditRecord(action, "rule", Key(rule.Id), rule.LoopId, before, Snapshot(rule), reason));
        }, control.ReloadAsync, ct);
    }

    private static bool IsAuthor(OverrideRule rule, Actor actor) =>
        rule.AuthorId is not null ? rule.AuthorId == actor.UserId : rule.AuthorName == actor.Name;

    private static string? Problem(RuleDraft draft, DateTimeOffset now)
    {
        if (AuditTrail.ReasonProblem(draft.Reason) is { } reason) return reason;
        if (string.IsNullOrWhiteSpace(draft.SegmentName) || draft.SegmentName.Length > 300) return "The segment needs a name (at most 300 characters).";
        if (SegmentJson.Problem(draft.Segment) is { } segment) return "Segment: " + segment;
        if (draft.Priority is < 0 or > RuleDraft.MaxPriority) return $"The priority must be between 0 and {RuleDraft.MaxPriority}.";
        if (draft.ActionIds.Any(string.IsNullOrWhiteSpace)) return "Action ids cannot be empty.";
        var actionProblem = draft.Kind switch
        {
            OverrideKind.ForceAction when draft.ActionIds.Count != 1 => "A rule that forces an action names exactly one action.",
            OverrideKind.ExcludeActions when draft.ActionIds.Count is 0 or > RuleDraft.MaxActions => $"A rule that excludes actions names 1 to {RuleDraft.MaxActions} actions.",
            OverrideKind.ServeBaseline when draft.ActionIds.Count != 0 => "A rule that serves the baseline names no action.",
            _ => null,
        };
        if (actionProblem is not null) return actionProblem;
        var start = draft.StartsAt ?? now;
        if (draft.ExpiresAt is { } expiry && (expiry <= start || expiry <= now)) return "The expiry must be after the start and in the future.";
        return null;
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Snapshot(OverrideRule r) => AuditRecord.Json(new
    {
        r.Status, r.Kind, r.SegmentName, segment = JsonDocument.Parse(r.PredicateJson).RootElement,
        actions = JsonSerializer.Deserialize<string[]>(r.ActionIdsJson), r.Priority, r.StartsAt, r.ExpiresAt,
        author = r.AuthorName, reviewer = r.ReviewerName, r.ReviewNote,
    });
}
