using Portal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Insights.Report;

/// <summary>
/// Records a compliance reviewer's sign-off of exactly the document they were shown: its HTML and SHA-256, the loop,
/// the period, who and when, with its audit entry in the same transaction. Policy <see cref="PortalPolicies.SignOffReports"/>,
/// and only a person signs.
/// </summary>
public sealed class ReportSignOffService(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, ActorAuthorization authorization, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;

    public sealed record Outcome(long? Id, string? Error);

    public async Task<Outcome> SignAsync(ReportDocument document, string? note, Actor actor, CancellationToken ct)
    {
        if (actor == Actor.System) return new Outcome(null, "Only a person can sign off a report.");
        await authorization.DemandAsync(actor, PortalPolicies.SignOffReports);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxNoteLength }) return new Outcome(null, $"The note has at most {MaxNoteLength} characters.");
        var report = document.Report;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Loops.AnyAsync(l => l.Id == report.LoopId, ct)) return new Outcome(null, $"There is no loop '{report.LoopId}'.");
        var signOff = new ReportSignOff
        {
            LoopId = report.LoopId, PeriodFrom = report.Period.From, PeriodTo = report.Period.To, ContentHash = document.Hash,
            ReportHtml = document.Html, SignedById = actor.UserId, SignedByName = actor.Name, SignedAt = clock.GetUtcNow(), Note = text,
        };
        db.ReportSignOffs.Add(signOff);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, actor, new AuditRecord("report.sign-off", "report",
            signOff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), report.LoopId,
            After: AuditRecord.Json(new { periodFrom = report.Period.From, periodTo = report.Period.To, sha256 = document.Hash }), Reason: text), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(signOff.Id, null);
    }
}
