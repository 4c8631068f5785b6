using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accountability;

/// <summary>
/// Reads and records who is accountable for each loop. Recording needs <see cref="PortalPolicies.ManageAccountability"/>;
/// an invalid form or an unknown loop changes nothing. Each change is audited with the state before and after.
/// </summary>
public sealed class LoopOwners(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, ActorAuthorization authorization, TimeProvider clock)
{
    public const string AuditAction = "loop.owner";

    public async Task<LoopOwner?> FindAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.LoopAccountability.AsNoTracking().SingleOrDefaultAsync(o => o.LoopId == loopId, ct);
        return row is null ? null : View(row);
    }

    /// <summary>Every loop's owner, by loop id (loops without one are absent): for the overview.</summary>
    public async Task<IReadOnlyDictionary<string, LoopOwner>> AllAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.LoopAccountability.AsNoTracking().ToListAsync(ct);
        return rows.ToDictionary(r => r.LoopId, View, StringComparer.Ordinal);
    }

    /// <summary>Records the owner; false when the loop does not exist. Throws <see cref="ArgumentException"/> for an invalid form.</summary>
    public async Task<bool> SaveAsync(string loopId, LoopOwnerForm form, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageAccountability, loopId);
        if (!form.IsValid) throw new ArgumentException(form.OwnerNameError ?? form.OwnerContactError ?? form.PurposeError, nameof(form));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Loops.AnyAsync(l => l.Id == loopId, ct)) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.LoopAccountability.SingleOrDefaultAsync(o => o.LoopId == loopId, ct);
        var before = row is null ? null : AuditRecord.Json(State(row));
        if (row is null)
        {
            row = new LoopAccountability { LoopId = loopId, OwnerName = "", OwnerContact = "", Purpose = "", UpdatedByName = "" };
            db.LoopAccountability.Add(row);
        }
        row.OwnerName = form.OwnerName.Trim();
        row.OwnerContact = form.OwnerContact.Trim();
        row.Purpose = form.Purpose.Trim();
        row.AffectsImportantChoices = form.AffectsImportantChoices;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedByName = actor.Name;
        await audit.AppendAsync(db, actor, new AuditRecord(AuditAction, "loop", loopId, loopId, before, AuditRecord.Json(State(row))), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static object State(LoopAccountability row) =>
        new { owner = row.OwnerName, contact = row.OwnerContact, purpose = row.Purpose, affectsImportantChoices = row.AffectsImportantChoices };

    private static LoopOwner View(LoopAccountability row) =>
        new(row.LoopId, row.OwnerName, row.OwnerContact, row.Purpose, row.AffectsImportantChoices, row.UpdatedAt, row.UpdatedByName);
}
