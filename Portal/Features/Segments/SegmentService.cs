using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Segments;

/// <summary>
/// Creates, changes and deletes saved segments (any Portal role: <see cref="PortalPolicies.PortalUser"/>), each with its
/// audit entry, then reloads the catalog.
/// </summary>
public sealed class SegmentService(
    ActorAuthorization authorization,
    SegmentCatalog catalog,
    LoopDirectory loops,
    ServingChanges changes,
    TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;

    public sealed record Draft(string Name, string? Description, string? LoopId, SegmentDefinition Definition);

    public sealed record Outcome(long? Id, string? Error)
    {
        public bool Succeeded => Error is null;
    }

    public async Task<Outcome> SaveAsync(long? id, Draft draft, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.PortalUser);
        if (Problem(draft) is { } problem) return new Outcome(id, problem);
        var name = draft.Name.Trim();
        return await changes.ApplyAsync(actor, async db =>
        {
            if (await db.Segments.AnyAsync(s => s.Name == name && s.Id != id, ct))
                return AuditedChange<Outcome>.Refused(new Outcome(id, $"A segment named '{name}' exists already."));
            var segment = id is null ? null : await db.Segments.FindAsync([id.Value], ct);
            if (id is not null && segment is null) return AuditedChange<Outcome>.Refused(new Outcome(id, "No such segment."));
            var before = segment is null ? null : Snapshot(segment);
            var now = clock.GetUtcNow();
            if (segment is null)
            {
                segment = new Segment { Name = name, DefinitionJson = "", CreatedByName = actor.Name, CreatedAt = now };
                db.Segments.Add(segment);
            }
            segment.Name = name;
            segment.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
            segment.LoopId = string.IsNullOrEmpty(draft.LoopId) ? null : draft.LoopId;
            segment.DefinitionJson = SegmentJson.Write(draft.Definition);
            segment.UpdatedAt = now;
            // A new segment's id, which its audit entry names, is given by the insert.
            await db.SaveChangesAsync(ct);
            return AuditedChange<Outcome>.Made(new Outcome(segment.Id, null), new AuditRecord(before is null ? "segment.create" : "segment.update", "segment",
                segment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), segment.LoopId, before, Snapshot(segment)));
        }, catalog.ReloadAsync, ct);
    }

    /// <summary>Deletes a segment. Rules made from it keep working: each holds its own copy of the predicate.</summary>
    public async Task<Outcome> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.PortalUser);
        return await changes.ApplyAsync(actor, async db =>
        {
            if (await db.Segments.FindAsync([id], ct) is not { } segment) return AuditedChange<Outcome>.Refused(new Outcome(id, "No such segment."));
            db.Segments.Remove(segment);
            return AuditedChange<Outcome>.Made(new Outcome(id, null), new AuditRecord("segment.delete", "segment",
                id.ToString(System.Globalization.CultureInfo.InvariantCulture), segment.LoopId, Snapshot(segment)));
        }, catalog.ReloadAsync, ct);
    }

    private string? Problem(Draft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Name)) return "The name is required.";
        if (draft.Name.Trim().Length > MaxNameLength) return $"The name has at most {MaxNameLength} characters.";
        if (draft.Description is { Length: > MaxDescriptionLength }) return $"The description has at most {MaxDescriptionLength} characters.";
        if (!string.IsNullOrEmpty(draft.LoopId) && loops.Find(draft.LoopId) is null) return $"There is no loop '{draft.LoopId}'.";
        return SegmentJson.Problem(draft.Definition);
    }

    private static string? Snapshot(Segment segment) =>
        AuditRecord.Json(new { segment.Name, segment.Description, segment.LoopId, definition = segment.DefinitionJson });
}
