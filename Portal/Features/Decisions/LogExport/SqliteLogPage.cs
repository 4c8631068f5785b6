using System.Text;
using Microsoft.Data.Sqlite;
using Portal.Contracts.DecisionLog;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;
using SQLitePCL;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// One page of <see cref="DecisionLogReader"/> on SQLite, read through SQLite's own statement API rather than an ADO.NET
/// command: the reader's per-column checks cost more than the row's read, and the read is the part of an export that
/// cannot run on two cores. The connection's busy_timeout still applies to each step.
/// </summary>
internal static class SqliteLogPage
{
    /// <param name="sql">The page query with the parameters <c>$loop $after $to $seq $take</c> and the columns of <see cref="Event"/>.</param>
    public static List<LoggedEvent> Read(SqliteConnection sqlite, string sql, string loopId, long afterTime, long afterSeq, long to, int take,
        CancellationToken ct)
    {
        var connection = sqlite.Handle!;
        SqliteResults.Check(connection, raw.sqlite3_prepare_v2(connection, sql, out var statement));
        using (statement)
        {
            SqliteResults.Check(connection, raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$loop"), loopId));
            SqliteResults.Check(connection, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$after"), afterTime));
            SqliteResults.Check(connection, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$to"), to));
            SqliteResults.Check(connection, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$seq"), afterSeq));
            SqliteResults.Check(connection, raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "$take"), take));
            var page = new List<LoggedEvent>(take);
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (page.Count % 1_000 == 0) ct.ThrowIfCancellationRequested();
                page.Add(Event(statement));
            }
            if (step != raw.SQLITE_DONE) SqliteResults.Check(connection, step);
            return page;
        }
    }

    private static LoggedEvent Event(sqlite3_stmt row) => new(
        raw.sqlite3_column_int64(row, 0), Text(row, 1), DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(row, 2)),
        IsNull(row, 17) ? raw.sqlite3_column_blob(row, 3).ToArray() : LoggedRequest.Joined(raw.sqlite3_column_blob(row, 3), raw.sqlite3_column_blob(row, 17)),
        Text(row, 4), raw.sqlite3_column_double(row, 5), Text(row, 6),
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
