using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Audit;

/// <summary>
/// Appends audit entries inside the caller's own write transaction, so a change and its record commit together or
/// not at all. SQLite's write transaction (BEGIN IMMEDIATE, EF's default here) is taken before the chain's last hash
/// is read, so concurrent changes cannot fork the chain.
/// </summary>
public sealed class AuditTrail(AuditChain chain, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task AppendAsync(PortalDbContext db, Actor actor, AuditRecord record, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("An audit entry must be written in the same transaction as its change.");

        var previous = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
                           .Select(e => e.Entity.Hash).LastOrDefault()
                       ?? await db.AuditEntries.OrderByDescending(e => e.Seq).Select(e => e.Hash).FirstOrDefaultAsync(ct)
                       ?? AuditChain.Genesis;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = record.Action,
            TargetType = record.TargetType,
            TargetId = record.TargetId,
            LoopId = record.LoopId,
            Before = record.Before,
            After = record.After,
            Reason = string.IsNullOrWhiteSpace(record.Reason) ? null : record.Reason.Trim(),
            PreviousHash = previous,
            Hash = "",
        };
        entry.Hash = chain.HashOf(entry, previous);
        db.AuditEntries.Add(entry);
    }

    /// <summary>The common check of a required reason; null when it is fine.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "A reason is required."
        : reason.Trim().Length > MaxReasonLength ? $"The reason has more than {MaxReasonLength} characters."
        : null;
}
