using System.Text.RegularExpressions;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Insights.Catalog;

/// <summary>
/// Marks a loop's context features audit-only (or uses them as model inputs again) and names features for end users.
/// Each change is saved with its audit entry in one transaction; a mark then reaches Rank and the trainer through the
/// loop directory (no model reset: the learner simply stops seeing the feature). Marking and naming need
/// <see cref="PortalPolicies.ManageFeatures"/>; feeding a feature to the model again needs <see cref="PortalPolicies.ApproveRules"/>.
/// </summary>
public sealed partial class FeatureCatalogEditor(
    ServingChanges changes,
    ActorAuthorization authorization,
    LoopDirectory loops,
    FeatureDisplayNames displayNames,
    TimeProvider clock)
{
    public const int MaxDisplayNameLength = 200;

    [GeneratedRegex(@"^[^.\s][^\s]*[^.\s]$|^[^.\s]$")]
    private static partial Regex PathPattern();

    /// <summary>Returns an error in words, or null when the mark is saved.</summary>
    public async Task<string?> SetAuditOnlyAsync(string loopId, string path, bool auditOnly, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, auditOnly ? PortalPolicies.ManageFeatures : PortalPolicies.ApproveRules);
        if (PathProblem(path) is { } problem) return problem;
        if (AuditTrail.ReasonProblem(reason) is { } reasonProblem) return reasonProblem;
        if (loops.Find(loopId) is null) return $"There is no loop '{loopId}'.";
        await ChangeAsync(loopId, path, actor, feature =>
        {
            if (feature.AuditOnly == auditOnly) return null;
            var before = AuditRecord.Json(new { auditOnly = feature.AuditOnly });
            feature.AuditOnly = auditOnly;
            return new AuditRecord(auditOnly ? "feature.audit-only.on" : "feature.audit-only.off", "feature", $"{loopId}/{path}", loopId,
                before, AuditRecord.Json(new { auditOnly }), reason);
        }, loops.ReloadAsync, ct);
        return null;
    }

    /// <summary>Names a feature for end users; an empty name shows the path again. Returns an error or null.</summary>
    public async Task<string?> RenameAsync(string loopId, string path, string? displayName, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageFeatures);
        if (PathProblem(path) is { } problem) return problem;
        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        if (name is { Length: > MaxDisplayNameLength }) return $"A display name has at most {MaxDisplayNameLength} characters.";
        if (loops.Find(loopId) is null) return $"There is no loop '{loopId}'.";
        await ChangeAsync(loopId, path, actor, feature =>
        {
            if (feature.DisplayName == name) return null;
            var before = AuditRecord.Json(new { displayName = feature.DisplayName });
            feature.DisplayName = name;
            return new AuditRecord("feature.rename", "feature", $"{loopId}/{path}", loopId, before, AuditRecord.Json(new { displayName = name }));
        }, _ =>
        {
            displayNames.Forget(loopId);
            return Task.CompletedTask;
        }, ct);
        return null;
    }

    public static string? PathProblem(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "Name the feature by its dotted path, e.g. user.ageBand."
        : path.Length > LoopFeatureConfiguration.PathMaxLength ? $"A feature path has at most {LoopFeatureConfiguration.PathMaxLength} characters."
        : !PathPattern().IsMatch(path) || path.Contains("..", StringComparison.Ordinal) ? $"'{path}' is not a dotted feature path such as user.ageBand."
        : null;

    /// <summary>Applies a change to the feature's row (created when missing), audits and commits it, then publishes it.</summary>
    private Task<bool> ChangeAsync(string loopId, string path, Actor actor, Func<LoopFeature, AuditRecord?> change,
        Func<CancellationToken, Task> publish, CancellationToken ct) =>
        changes.ApplyAsync(actor, async db =>
        {
            var feature = await db.LoopFeatures.FindAsync([loopId, path], ct);
            var isNew = feature is null;
            feature ??= new LoopFeature { LoopId = loopId, Path = path, UpdatedByName = actor.Name };
            if (change(feature) is not { } record) return AuditedChange<bool>.Refused(false);
            feature.UpdatedByName = actor.Name;
            feature.UpdatedAt = clock.GetUtcNow();
            if (isNew) db.LoopFeatures.Add(feature);
            return AuditedChange<bool>.Made(true, record);
        }, publish, ct);
}
