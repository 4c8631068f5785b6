using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accountability;

/// <summary>
/// A loop's data-handling statement, versioned: publishing adds a version (older ones stay as they were) with its audit
/// entry; the public pages show the newest. Publishing needs <see cref="PortalPolicies.ManageAccountability"/>.
/// </summary>
public sealed class DataHandlingStatements(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, ActorAuthorization authorization, TimeProvider clock)
{
    public const string AuditAction = "loop.statement.publish";
    public const int MaxLength = DataHandlingStatementConfiguration.TextMaxLength;

    /// <summary>What is wrong with a statement's text, in words for the page, or null.</summary>
    public static string? Problem(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "The statement is empty."
        : text.Length > MaxLength ? $"The statement is {text.Length:N0} characters long; at most {MaxLength:N0} are allowed."
        : null;

    public async Task<StatementVersion?> CurrentAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.DataHandlingStatements.AsNoTracking().Where(s => s.LoopId == loopId).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        return row is null ? null : View(row);
    }

    /// <summary>Whether the loop has published a statement (the Why page links it), without reading its text.</summary>
    public async Task<bool> ExistsAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DataHandlingStatements.AnyAsync(s => s.LoopId == loopId, ct);
    }

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<StatementVersion>> VersionsAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DataHandlingStatements.AsNoTracking().Where(s => s.LoopId == loopId).OrderByDescending(s => s.Version).ToListAsync(ct);
        return rows.ConvertAll(View);
    }

    /// <summary>
    /// Publishes the text as the next version; null when the loop does not exist. Throws <see cref="ArgumentException"/>
    /// for an empty or too long text (nothing is stored).
    /// </summary>
    public async Task<StatementVersion?> PublishAsync(string loopId, string text, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageAccountability, loopId);
        if (Problem(text) is { } problem) throw new ArgumentException(problem, nameof(text));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Loops.AnyAsync(l => l.Id == loopId, ct)) return null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var latest = await db.DataHandlingStatements.Where(s => s.LoopId == loopId).MaxAsync(s => (int?)s.Version, ct) ?? 0;
        var row = new DataHandlingStatement
        {
            LoopId = loopId, Version = latest + 1, Text = text, PublishedAt = clock.GetUtcNow(), PublishedById = actor.UserId, PublishedByName = actor.Name,
        };
        db.DataHandlingStatements.Add(row);
        await audit.AppendAsync(db, actor, new AuditRecord(AuditAction, "loop", loopId, loopId,
            After: AuditRecord.Json(new { version = row.Version, characters = text.Length })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return View(row);
    }

    private static StatementVersion View(DataHandlingStatement row) => new(row.LoopId, row.Version, row.Text, row.PublishedAt, row.PublishedByName);
}
