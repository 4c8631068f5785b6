using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// The one query of the export, its preview and the API: a loop's decisions in a time window, oldest first, read in
/// pages by (time, key) so each read is a short range of the (LoopId, CreatedAt) index and a long export holds no read
/// transaction open. The rows are read with SQLite's own reader, the request and ranking as their UTF-8 bytes: the
/// export is bound by this read, and a string of each would double its cost.
/// </summary>
public sealed class DecisionLogReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int PageSize = 5_000;

    // Constant text, values bound as parameters. Columns as DecisionConfiguration and the log writer store them.
    private const string PageSql = """
        SELECT Seq, EventId, CreatedAt, RequestJson, ChosenActionId, ChosenProbability, BaselineActionId, Explored, ModelVersion, Mode,
               RankingJson, Oversight, DeferActivation, ActivatedAt, Reward, RewardCount, RewardSource
        FROM Decisions
        WHERE LoopId = $loop AND CreatedAt >= $after AND CreatedAt < $to AND (CreatedAt > $after OR Seq > $seq)
        ORDER BY CreatedAt, Seq
        LIMIT $take
        """;

    /// <summary>Decisions in the window, and how many of them are of opted-out users.</summary>
    public async Task<(long Events, long OptedOut)> CountAsync(string loopId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId && d.CreatedAt >= from && d.CreatedAt < to);
        var events = await window.LongCountAsync(ct);
        var optedOut = events == 0 ? 0 : await window.LongCountAsync(d => (d.Oversight & OversightEffects.OptedOut) != 0, ct);
        return (events, optedOut);
    }

    /// <summary>The decisions in the window in time order (ties in commit order), at most <paramref name="limit"/>.</summary>
    public async IAsyncEnumerable<LoggedEvent> ReadAsync(string loopId, DateTimeOffset from, DateTimeOffset to, long limit,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var (afterTime, afterSeq) = (from.ToUnixTimeMilliseconds(), long.MinValue);
        var read = 0L;
        while (read < limit)
        {
            var take = (int)Math.Min(PageSize, limit - read);
            var page = await PageAsync(loopId, afterTime, afterSeq, to.ToUnixTimeMilliseconds(), take, ct);
            foreach (var e in page) yield return e;
            read += page.Count;
            if (page.Count < take) yield break;
            (afterTime, afterSeq) = (page[^1].CreatedAt.ToUnixTimeMilliseconds(), page[^1].Seq);
        }
    }

    private async Task<List<LoggedEvent>> PageAsync(string loopId, long afterTime, long afterSeq, long to, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandText = PageSql;
        command.Parameters.AddWithValue("$loop", loopId);
        command.Parameters.AddWithValue("$after", afterTime);
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$seq", afterSeq);
        command.Parameters.AddWithValue("$take", take);
        var page = new List<LoggedEvent>(take);
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) page.Add(Event(row));
        return page;
    }

    private static LoggedEvent Event(SqliteDataReader row) => new(
        row.GetInt64(0), row.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(2)), row.GetFieldValue<byte[]>(3),
        row.GetString(4), row.GetDouble(5), row.GetString(6), row.GetInt64(7) != 0, row.GetInt64(8), Enum.Parse<LearningMode>(row.GetString(9)),
        row.GetFieldValue<byte[]>(10), (OversightEffects)row.GetInt64(11), row.GetInt64(12) != 0,
        row.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(13)),
        row.IsDBNull(14) ? null : row.GetDouble(14), (int)row.GetInt64(15), row.IsDBNull(16) ? null : row.GetString(16));
}
