using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Insights.Report;

/// <summary>The recorded sign-offs of a loop's reports, newest first, and the exact document of one.</summary>
public sealed class SignOffQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<SignOffSummary>> ForLoopAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ReportSignOffs.AsNoTracking().Where(s => s.LoopId == loopId).OrderByDescending(s => s.SignedAt)
            .Select(s => new SignOffSummary(s.Id, s.PeriodFrom, s.PeriodTo, s.SignedByName, s.SignedAt, s.ContentHash, s.Note))
            .ToListAsync(ct);
    }

    /// <summary>The signed document as it was signed, with its loop and period; null when there is no such sign-off.</summary>
    public async Task<(string LoopId, DateTimeOffset From, DateTimeOffset To, string Html)?> DocumentAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ReportSignOffs.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.LoopId, s.PeriodFrom, s.PeriodTo, s.ReportHtml }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.LoopId, row.PeriodFrom, row.PeriodTo, row.ReportHtml);
    }
}
