using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// The one query of the export, its preview and the API: a loop's decisions in a time window, oldest first, read in
/// pages by (time, key) so each read is a short range of the (LoopId, CreatedAt) index and a long export holds no read
/// transaction open. The rows are read with the engine's own reader (on SQLite its statement API), the request and
/// ranking as their UTF-8 bytes, through one mapping of the columns (<see cref="ILogRow"/>): the export is bound by this
/// read, and a string of each would double its cost.
/// </summary>
public sealed class DecisionLogReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int PageSize = 5_000;

    // Constant text, values bound as parameters. Columns as DecisionConfiguration and the log writer store them; a
    // request's actions list stored apart comes as the last column, to be put back in its place.
    private const string PageSql = """
        SELECT d.Seq, d.EventId, d.CreatedAt, d.RequestJson, d.ChosenActionId, d.ChosenProbability, d.BaselineActionId, d.Explored,
               d.ModelVersion, d.Mode, d.RankingJson, d.Oversight, d.DeferActivation, d.ActivatedAt, d.Reward, d.RewardCount,
               d.RewardSource, a.ActionsJson
        FROM Decisions AS d LEFT JOIN ActionLists AS a ON a.Id = d.ActionListId
        WHERE d.LoopId = $loop AND d.CreatedAt >= $after AND d.CreatedAt < $to AND (d.CreatedAt > $after OR d.Seq > $seq)
        ORDER BY d.CreatedAt, d.Seq
        LIMIT $take
        """;

    // PostgreSQL hands text over as text: the same page with the documents as their UTF-8 bytes.
    private static readonly string PostgresPageSql = PageSql
        .Replace("d.RequestJson,", "convert_to(d.RequestJson, 'UTF8'),", StringComparison.Ordinal)
        .Replace("d.RankingJson,", "convert_to(d.RankingJson, 'UTF8'),", StringComparison.Ordinal)
        .Replace("a.ActionsJson", "convert_to(a.ActionsJson, 'UTF8')", StringComparison.Ordinal);

    /// <summary>Decisions in the window, and how many of them are of opted-out users.</summary>
    public async Task<(long Events, long OptedOut)> CountAsync(string loopId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId && d.CreatedAt >= from && d.CreatedAt < to);
        var events = await window.LongCountAsync(ct);
        var optedOut = events == 0 ? 0 : await window.LongCountAsync(d => (d.Oversight & OversightEffects.OptedOut) != 0, ct);
        return (events, optedOut);
    }

    /// <summary>
    /// The decisions in the window in time order (ties in commit order), at most <paramref name="limit"/>. The next page
    /// is read on another thread while the caller works through the current one (SQLite's reader is synchronous under its
    /// async names): on two cores an export formats as fast as SQLite reads instead of taking turns with it.
    /// </summary>
    public async IAsyncEnumerable<LoggedEvent> ReadAsync(string loopId, DateTimeOffset from, DateTimeOffset to, long limit,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var end = to.ToUnixTimeMilliseconds();
        var take = (int)Math.Min(PageSize, limit);
        Task<List<LoggedEvent>>? next = take > 0 ? ReadAheadAsync(loopId, from.ToUnixTimeMilliseconds(), long.MinValue, end, take, ct) : null;
        var read = 0L;
        try
        {
            while (next is not null)
            {
                var page = await next;
                next = null;
                read += page.Count;
                if (page.Count == take && read < limit)
                {
                    take = (int)Math.Min(PageSize, limit - read);
                    next = ReadAheadAsync(loopId, page[^1].CreatedAt.ToUnixTimeMilliseconds(), page[^1].Seq, end, take, ct);
                }
                foreach (var e in page) yield return e;
            }
        }
        finally
        {
            // A caller that stops early (a preview, a cancelled export) still waits for the page being read, so no read
            // outlives the enumeration; its failure no longer matters to anyone.
            if (next is not null) await next.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private Task<List<LoggedEvent>> ReadAheadAsync(string loopId, long afterTime, long afterSeq, long to, int take, CancellationToken ct) =>
        Task.Run(() => PageAsync(loopId, afterTime, afterSeq, to, take, ct), ct);

    private async Task<List<LoggedEvent>> PageAsync(string loopId, long afterTime, long afterSeq, long to, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var page = new List<LoggedEvent>(take);
        if (connection is SqliteConnection sqlite)
        {
            // SQLite's statement API rather than an ADO.NET command: the reader's per-column checks cost more than the
            // row's read, and the read is the part of an export that cannot run on two cores.
            using var rows = new SqliteRows(sqlite, PageSql).Bind("$loop", loopId).Bind("$after", afterTime).Bind("$to", to)
                .Bind("$seq", afterSeq).Bind("$take", take);
            while (rows.Next())
            {
                if (page.Count % 1_000 == 0) ct.ThrowIfCancellationRequested();
                page.Add(Event(rows));
            }
            return page;
        }
        await using var command = DbCommands.Prepare(connection, PostgresPageSql, "$loop", "$after", "$to", "$seq", "$take");
        DbCommands.Bind(command, loopId, afterTime, to, afterSeq, take);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) page.Add(Event(new ReaderRow(reader)));
        return page;
    }

    /// <summary>A row of <see cref="PageSql"/>, on either engine.</summary>
    private static LoggedEvent Event<TRow>(TRow row) where TRow : ILogRow => new(
        row.Int64(0), row.Text(1), row.Time(2),
        row.IsNull(17) ? row.Utf8(3).ToArray() : LoggedRequest.Joined(row.Utf8(3), row.Utf8(17)),
        row.Text(4), row.Double(5), row.Text(6), row.Boolean(7), row.Int64(8), row.Mode(9),
        row.Utf8(10).ToArray(), (OversightEffects)row.Int32(11), row.Boolean(12), row.TimeOrNull(13),
        row.IsNull(14) ? null : row.Double(14), row.Int32(15), row.IsNull(16) ? null : row.Text(16));
}
