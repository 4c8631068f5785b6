using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Decisions.Log;
using Portal.Features.Decisions.Retention;
using Portal.Features.Privacy;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Comprehension;

/// <summary>
/// An answer is data about its decision and its user: it goes when the decision passes the loop's log retention, when
/// the loop's log is deleted, and when the user opts out of personalization in the loop (with the segments kept with it).
/// </summary>
public sealed class ComprehensionOfLog(IDbContextFactory<PortalDbContext> dbFactory) : IExpiringData, ILogDerivedData, IForgetOnOptOut
{
    public const string Answers = "comprehensionAnswers";

    public async IAsyncEnumerable<PurgeBatch> ExpiredAsync(string loopId, DateTimeOffset cutoff, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        List<long> expired;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            expired = await db.ComprehensionAnswers.Where(a => a.LoopId == loopId && a.DecidedAt < cutoff).Select(a => a.Id).ToListAsync(ct);
        foreach (var chunk in expired.Chunk(batchSize))
        {
            yield return PurgeBatches.ByIds(chunk,
                (null, $"DELETE FROM ComprehensionSegments WHERE AnswerId IN {IdList.Placeholder}"),
                (Answers, $"DELETE FROM ComprehensionAnswers WHERE Id IN {IdList.Placeholder}"));
        }
    }

    public async Task DeleteLoopAsync(PortalDbContext db, string loopId, CancellationToken ct)
    {
        await db.ComprehensionSegments.Where(s => db.ComprehensionAnswers.Any(a => a.Id == s.AnswerId && a.LoopId == loopId)).ExecuteDeleteAsync(ct);
        await db.ComprehensionAnswers.Where(a => a.LoopId == loopId).ExecuteDeleteAsync(ct);
    }

    public async Task ForgetAsync(string loopId, string userHash, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var answers = db.ComprehensionAnswers.Where(a => a.LoopId == loopId && a.UserHash == userHash);
        await db.ComprehensionSegments.Where(s => answers.Any(a => a.Id == s.AnswerId)).ExecuteDeleteAsync(ct);
        await answers.ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
