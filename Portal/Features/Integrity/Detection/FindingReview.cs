using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Features.Integrity.Detection;

/// <summary>
/// The review queue's decisions: dismiss a finding as plain traffic, or quarantine from the start of its window until
/// now (the trainer skips those decisions, the model is rolled back and re-learns without them), which settles every
/// open finding of the loop inside that window; a burst from one source quarantines only that source's rewarded
/// decisions and settles that source's findings. Both are audited with the reviewer's reason.
/// </summary>
public sealed class FindingReview(
    IDbContextFactory<PortalDbContext> dbFactory,
    QuarantineService quarantines,
    UrgentWrites urgent,
    AuditTrail audit,
    ActorAuthorization authorization,
    TimeProvider clock)
{
    public const int MaxNoteLength = 2000;

    public sealed record Outcome(bool Found, string? Error, long? QuarantineId = null);

    public async Task<IReadOnlyList<ManipulationFinding>> ListAsync(string loopId, bool openOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ManipulationFindings.AsNoTracking().Where(f => f.LoopId == loopId);
        if (openOnly) query = query.Where(f => f.Status == FindingStatus.Open);
        return await query.OrderByDescending(f => f.Id).Take(200).ToListAsync(ct);
    }

    /// <summary>A finding of another loop is not found: a caller names the loop it reviews.</summary>
    public async Task<Outcome> DismissAsync(string loopId, long findingId, string? note, Actor actor, CancellationToken ct)
    {
        if (NoteProblem(note) is { } problem) return new Outcome(true, problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ManipulationFindings.FirstOrDefaultAsync(f => f.Id == findingId && f.LoopId == loopId, ct) is not { } finding) return new Outcome(false, null);
        await authorization.DemandAsync(actor, PortalPolicies.Oversee, finding.LoopId);
        if (finding.Status != FindingStatus.Open) return new Outcome(true, $"Finding #{findingId} was already reviewed ({finding.Status}).");

        await using var transaction = await urgent.BeginTransactionAsync(db, ct);
        Review(finding, FindingStatus.Dismissed, note!, actor);
        await audit.AppendAsync(db, actor, new AuditRecord("integrity.finding.dismiss", "finding", Id(finding), finding.LoopId,
            Before: "open", After: "dismissed", Reason: finding.ReviewNote), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(true, null);
    }

    /// <summary>Quarantines from the start of the finding's window until now and settles the loop's open findings inside it.</summary>
    public async Task<Outcome> QuarantineAsync(string loopId, long findingId, string? reason, Actor actor, CancellationToken ct)
    {
        if (NoteProblem(reason) is { } problem) return new Outcome(true, problem);
        ManipulationFinding? finding;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            finding = await db.ManipulationFindings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId && f.LoopId == loopId, ct);
        if (finding is null) return new Outcome(false, null);
        await authorization.DemandAsync(actor, PortalPolicies.Oversee, finding.LoopId);
        if (finding.Status != FindingStatus.Open) return new Outcome(true, $"Finding #{findingId} was already reviewed ({finding.Status}).");

        var to = clock.GetUtcNow();
        // A burst from one source is that source's doing: the rest of the window's traffic keeps being learned from.
        var made = await quarantines.QuarantineAsync(finding.LoopId, finding.WindowFrom, to, finding.Source,
            $"Finding #{findingId} ({finding.Subject}): {reason!.Trim()}", actor, ct);
        if (!made.Succeeded) return new Outcome(made.Found, made.Error);

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await urgent.BeginTransactionAsync(db, ct);
            var settled = await db.ManipulationFindings
                .Where(f => f.LoopId == finding.LoopId && f.Status == FindingStatus.Open && f.WindowFrom >= finding.WindowFrom && f.WindowTo < to
                    && (finding.Source == null || f.Source == finding.Source))
                .ToListAsync(ct);
            foreach (var each in settled)
            {
                Review(each, FindingStatus.Quarantined, reason, actor);
                each.QuarantineId = made.Quarantine!.Id;
                await audit.AppendAsync(db, actor, new AuditRecord("integrity.finding.quarantine", "finding", Id(each), each.LoopId,
                    Before: "open", After: AuditRecord.Json(new { quarantine = made.Quarantine.Id }), Reason: each.ReviewNote), ct);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return new Outcome(true, null, made.Quarantine!.Id);
    }

    public static string? NoteProblem(string? note) =>
        string.IsNullOrWhiteSpace(note) ? "A reason is required: say what you found."
        : note.Length > MaxNoteLength ? $"The reason is longer than {MaxNoteLength} characters."
        : null;

    private void Review(ManipulationFinding finding, FindingStatus status, string note, Actor actor)
    {
        finding.Status = status;
        finding.ReviewNote = note.Trim();
        finding.ReviewedById = actor.UserId;
        finding.ReviewedByName = actor.Name;
        finding.ReviewedAt = clock.GetUtcNow();
    }

    private static string Id(ManipulationFinding finding) => finding.Id.ToString(CultureInfo.InvariantCulture);
}
