using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using SQLitePCL;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// The one query of the export, its preview and the API: a loop's decisions in a time window, oldest first, read in
/// pages by (time, key) so each read is a short range of the (LoopId, CreatedAt) index and a long export holds no read
/// transaction open. The rows are read with SQLite's own statement API, the request and ranking as their UTF-8 bytes: the
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
        // SQLite's own statement, not an ADO.NET command: its per-column checks cost more than the row's read, and the read
        // is the part of an export that cannot run on two cores. The connection's busy_timeout still applies to each step.
        var connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Check(connection, raw.sqlite3_prepare_v2(connection, PageSql, out var statement));
        using (statement)
        {
            Check(connection, raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$loop"), loopId));
            Check(connection, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$after"), afterTime));
            Check(connection, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$to"), to));
            Check(connection, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$seq"), afterSeq));
            Check(connection, raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "$take"), take));
            var page = new List<LoggedEvent>(take);
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (page.Count % 1_000 == 0) ct.ThrowIfCancellationRequested();
                page.Add(Event(statement));
            }
            if (step != raw.SQLITE_DONE) Check(connection, step);
            return page;
        }
    }

    private static void Check(sqlite3 connection, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            throw new SqliteException(raw.sqlite3_errmsg(connection).utf8_to_string(), result, raw.sqlite3_extended_errcode(connection));
    }

    private static LoggedEvent Event(sqlite3_stmt row) => new(
        raw.sqlite3_column_int64(row, 0), Text(row, 1), DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(row, 2)),
        raw.sqlite3_column_blob(row, 3).ToArray(), Text(row, 4), raw.sqlite3_column_double(row, 5), Text(row, 6),
        raw.sqlite3_column_int64(row, 7) != 0, raw.sqlite3_column_int64(row, 8), Mode(raw.sqlite3_column_blob(row, 9)),
        raw.sqlite3_column_blob(row, 10).ToArray(), (OversightEffects)raw.sqlite3_column_int64(row, 11), raw.sqlite3_column_int64(row, 12) != 0,
        IsNull(row, 13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(row, 13)),
        IsNull(row, 14) ? null : raw.sqlite3_column_double(row, 14), (int)raw.sqlite3_column_int64(row, 15), IsNull(row, 16) ? null : Text(row, 16));

    private static bool IsNull(sqlite3_stmt row, int column) => raw.sqlite3_column_type(row, column) == raw.SQLITE_NULL;

    // TEXT as SQLite holds it (UTF-8); sqlite3_column_blob gives its bytes without a conversion.
    private static string Text(sqlite3_stmt row, int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(row, column));

    /// <summary>The mode as stored (its name); the usual names without a string or a parse.</summary>
    private static LearningMode Mode(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("Online"u8) ? LearningMode.Online
        : name.SequenceEqual("Apprentice"u8) ? LearningMode.Apprentice
        : Enum.Parse<LearningMode>(Encoding.UTF8.GetString(name));
}
