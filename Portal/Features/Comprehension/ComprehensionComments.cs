using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Comprehension;

/// <summary>The comments end users left with their answers, newest first, a page at a time (reviewers read them beside the report).</summary>
public sealed class ComprehensionComments(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Page(IReadOnlyList<ComprehensionComment> Comments, int Total);

    public async Task<Page> PageAsync(string loopId, DateTimeOffset from, DateTimeOffset to, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ComprehensionAnswers.AsNoTracking()
            .Where(a => a.LoopId == loopId && a.AnsweredAt >= from && a.AnsweredAt < to && a.Comment != null);
        var comments = await query.OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).Skip(skip).Take(take)
            .Select(a => new ComprehensionComment(a.AnsweredAt, a.Clear, a.Comment!)).ToListAsync(ct);
        return new Page(comments, await query.CountAsync(ct));
    }
}
