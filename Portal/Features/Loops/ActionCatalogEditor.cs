using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Loops;

/// <summary>
/// Changes people make to a loop's action catalog (display names; policy <see cref="PortalPolicies.ManageLoops"/>), each
/// with its audit entry.
/// </summary>
public sealed class ActionCatalogEditor(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, ActorAuthorization authorization)
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>Renames an action; an empty name shows the id again. Returns an error or null.</summary>
    public async Task<string?> RenameAsync(string loopId, string actionId, string? displayName, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, loopId);
        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        if (name is { Length: > MaxDisplayNameLength }) return $"A display name has at most {MaxDisplayNameLength} characters.";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var action = await db.LoopActions.FirstOrDefaultAsync(a => a.LoopId == loopId && a.ActionId == actionId, ct);
        if (action is null) return "No such action in this loop.";
        if (action.DisplayName == name) return null;
        await audit.AppendAsync(db, actor, new AuditRecord("action.rename", "action", $"{loopId}/{actionId}", loopId,
            AuditRecord.Json(new { displayName = action.DisplayName }), AuditRecord.Json(new { displayName = name })), ct);
        action.DisplayName = name;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
