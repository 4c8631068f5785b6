using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Segments;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Features.Oversight;

/// <summary>
/// Override rules: written by one person, approved by another where the loop asks for four eyes, revoked at any time.
/// Every step is persisted with its audit entry, then published to Rank. A rule acts only once approved, from its
/// start until its expiry.
/// </summary>
public sealed class RuleService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ControlState control,
    AuditTrail audit,
    UrgentWrites urgent,
    TimeProvider clock)
{
    public async Task<OversightOutcome> CreateAsync(RuleDraft draft, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Problem(draft, now) is { } problem) return OversightOutcome.Invalid(problem);
        long id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await urgent.BeginTransactionAsync(db, ct);
            if (!await db.Loops.AnyAsync(l => l.Id == draft.LoopId, ct)) return OversightOutcome.NotFound($"There is no loop '{draft.LoopId}'.");
            var known = await db.LoopActions.Where(a => a.LoopId == draft.LoopId && draft.ActionIds.Contains(a.ActionId)).Select(a => a.ActionId).ToListAsync(ct);
            if (draft.ActionIds.FirstOrDefault(a => !known.Contains(a)) is { } unknown)
                return OversightOutcome.Invalid($"Loop '{draft.LoopId}' has no action '{unknown}' in its catalog.");

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
            await audit.AppendAsync(db, actor, new AuditRecord("rule.create", "rule", Key(rule.Id), rule.LoopId,
                After: Snapshot(rule), Reason: rule.Reason), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            id = rule.Id;
        }
        await control.ReloadAsync(ct);
        return OversightOutcome.Done(id);
    }

    /// <summary>Four eyes: anyone allowed to approve, except the rule's author.</summary>
    public Task<OversightOutcome> ApproveAsync(long ruleId, string? note, Actor actor, CancellationToken ct) =>
        ReviewAsync(ruleId, actor, "rule.approve", note, ct, rule =>
        {
            if (rule.Status != RuleStatus.PendingApproval) return $"Rule #{rule.Id} is {rule.Status}, not waiting for approval.";
            if (IsAuthor(rule, actor)) return "You wrote this rule: someone else must approve it (four eyes).";
            if (rule.ExpiresAt <= clock.GetUtcNow()) return $"Rule #{rule.Id} has expired; write a new one.";
            rule.Status = RuleStatus.Approved;
            return null;
        });

    public Task<OversightOutcome> RejectAsync(long ruleId, string? note, Actor actor, CancellationToken ct) =>
        AuditTrail.ReasonProblem(note) is { } problem
            ? Task.FromResult(OversightOutcome.Invalid(problem))
            : ReviewAsync(ruleId, actor, "rule.reject", note, ct, rule =>
            {
                if (rule.Status != RuleStatus.PendingApproval) return $"Rule #{rule.Id} is {rule.Status}, not waiting for approval.";
                rule.Status = RuleStatus.Rejected;
                return null;
            });

    /// <summary>Stops a rule before its expiry (or withdraws one still waiting for approval).</summary>
    public Task<OversightOutcome> RevokeAsync(long ruleId, string? reason, Actor actor, CancellationToken ct) =>
        AuditTrail.ReasonProblem(reason) is { } problem
            ? Task.FromResult(OversightOutcome.Invalid(problem))
            : ChangeAsync(ruleId, actor, "rule.revoke", reason, ct, rule =>
            {
                if (rule.Status is not (RuleStatus.Approved or RuleStatus.PendingApproval)) return $"Rule #{rule.Id} is {rule.Status} already.";
                rule.Status = RuleStatus.Revoked;
                rule.RevokedAt = clock.GetUtcNow();
                rule.RevokedByName = actor.Name;
                return null;
            });

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
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await urgent.BeginTransactionAsync(db, ct);
            if (await db.OverrideRules.FindAsync([ruleId], ct) is not { } rule) return OversightOutcome.NotFound($"There is no rule #{ruleId}.");
            var before = Snapshot(rule);
            if (change(rule) is { } conflict) return OversightOutcome.Conflict(conflict);
            await audit.AppendAsync(db, actor, new AuditRecord(action, "rule", Key(rule.Id), rule.LoopId, before, Snapshot(rule), reason), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await control.ReloadAsync(ct);
        return OversightOutcome.Done(ruleId);
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
