using Microsoft.Data.Sqlite;
using Portal.Contracts.DecisionLog;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// One page of <see cref="DecisionLogReader"/> on SQLite, read through SQLite's own statement API (<see cref="SqliteRows"/>)
/// rather than an ADO.NET command: the reader's per-column checks cost more than the row's read, and the read is the part
/// of an export that cannot run on two cores.
/// </summary>
internal static class SqliteLogPage
{
    /// <param name="sql">The page query with the parameters <c>$loop $after $to $seq $take</c> and the columns of <see cref="Event"/>.</param>
    public static List<LoggedEvent> Read(SqliteConnection sqlite, string sql, string loopId, long afterTime, long afterSeq, long to, int take,
        CancellationToken ct)
    {
        using var rows = new SqliteRows(sqlite, sql).Bind("$loop", loopId).Bind("$after", afterTime).Bind("$to", to).Bind("$seq", afterSeq)
            .Bind("$take", take);
        var page = new List<LoggedEvent>(take);
        while (rows.Next())
        {
            if (page.Count % 1_000 == 0) ct.ThrowIfCancellationRequested();
            page.Add(Event(rows));
        }
        return page;
    }

    private static LoggedEvent Event(SqliteRows row) => new(
        row.Int64(0), row.Text(1), DateTimeOffset.FromUnixTimeMilliseconds(row.Int64(2)),
        row.IsNull(17) ? row.Bytes(3).ToArray() : LoggedRequest.Joined(row.Bytes(3), row.Bytes(17)),
        row.Text(4), row.Double(5), row.Text(6),
        row.Int64(7) != 0, row.Int64(8), StoredLearningMode.Parse(row.Bytes(9)),
        row.Bytes(10).ToArray(), (OversightEffects)row.Int64(11), row.Int64(12) != 0,
        row.IsNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.Int64(13)),
        row.IsNull(14) ? null : row.Double(14), (int)row.Int64(15), row.IsNull(16) ? null : row.Text(16));
}
