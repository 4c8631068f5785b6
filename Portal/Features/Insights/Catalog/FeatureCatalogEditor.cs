using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Insights.Catalog;

/// <summary>
/// Marks a loop's context features audit-only (or uses them as model inputs again) and names features for end users.
/// Each change is saved with its audit entry in one transaction; a mark then reaches Rank and the trainer through the
/// loop directory (no model reset: the learner simply stops seeing the feature). Callers check the policy.
/// </summary>
public sealed partial class FeatureCatalogEditor(
    IDbContextFactory<PortalDbContext> dbFactory,
    LoopDirectory loops,
    FeatureDisplayNames displayNames,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxDisplayNameLength = 200;

    [GeneratedRegex(@"^[^.\s][^\s]*[^.\s]$|^[^.\s]$")]
    private static partial Regex PathPattern();

    /// <summary>Returns an error in words, or null when the mark is saved.</summary>
    public async Task<string?> SetAuditOnlyAsync(string loopId, string path, bool auditOnly, string? reason, Actor actor, CancellationToken ct)
    {
        if (PathProblem(path) is { } problem) return problem;
        if (AuditTrail.ReasonProblem(reason) is { } reasonProblem) return reasonProblem;
        if (loops.Find(loopId) is null) return $"There is no loop '{loopId}'.";
        var saved = await ChangeAsync(loopId, path, actor, feature =>
        {
            if (feature.AuditOnly == auditOnly) return null;
            var before = AuditRecord.Json(new { auditOnly = feature.AuditOnly });
            feature.AuditOnly = auditOnly;
            return new AuditRecord(auditOnly ? "feature.audit-only.on" : "feature.audit-only.off", "feature", $"{loopId}/{path}", loopId,
                before, AuditRecord.Json(new { auditOnly }), reason);
        }, ct);
        if (saved) await loops.ReloadAsync(ct);
        return null;
    }

    /// <summary>Names a feature for end users; an empty name shows the path again. Returns an error or null.</summary>
    public async Task<string?> RenameAsync(string loopId, string path, string? displayName, Actor actor, CancellationToken ct)
    {
        if (PathProblem(path) is { } problem) return problem;
        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        if (name is { Length: > MaxDisplayNameLength }) return $"A display name has at most {MaxDisplayNameLength} characters.";
        if (loops.Find(loopId) is null) return $"There is no loop '{loopId}'.";
        var saved = await ChangeAsync(loopId, path, actor, feature =>
        {
            if (feature.DisplayName == name) return null;
            var before = AuditRecord.Json(new { displayName = feature.DisplayName });
            feature.DisplayName = name;
            return new AuditRecord("feature.rename", "feature", $"{loopId}/{path}", loopId, before, AuditRecord.Json(new { displayName = name }));
        }, ct);
        if (saved) displayNames.Forget(loopId);
        return null;
    }

    public static string? PathProblem(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "Name the feature by its dotted path, e.g. user.ageBand."
        : path.Length > LoopFeatureConfiguration.PathMaxLength ? $"A feature path has at most {LoopFeatureConfiguration.PathMaxLength} characters."
        : !PathPattern().IsMatch(path) || path.Contains("..", StringComparison.Ordinal) ? $"'{path}' is not a dotted feature path such as user.ageBand."
        : null;

    /// <summary>Applies a change to the feature's row (created when missing); returns false when nothing changed.</summary>
    private async Task<bool> ChangeAsync(string loopId, string path, Actor actor, Func<LoopFeature, AuditRecord?> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var feature = await db.LoopFeatures.FindAsync([loopId, path], ct);
        var isNew = feature is null;
        feature ??= new LoopFeature { LoopId = loopId, Path = path, UpdatedByName = actor.Name };
        if (change(feature) is not { } record) return false;
        feature.UpdatedByName = actor.Name;
        feature.UpdatedAt = clock.GetUtcNow();
        if (isNew) db.LoopFeatures.Add(feature);
        await audit.AppendAsync(db, actor, record, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
