using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A query stepped through with SQLite's own statement API on a connection that Microsoft.Data.Sqlite opened, for the
/// reads every decision passes through (the watch, the insights aggregator, the log export): a row's columns are read in
/// place, UTF-8 text as bytes, without an ADO.NET reader's per-column checks or a string of each text. The connection's
/// busy_timeout applies to each step; failures throw <see cref="SqliteException"/> as a command's would.
/// </summary>
public sealed class SqliteRows : ILogRow, IDisposable
{
    private readonly sqlite3 connection;
    private readonly sqlite3_stmt statement;

    public SqliteRows(SqliteConnection sqlite, string sql)
    {
        connection = sqlite.Handle!;
        SqliteResults.Check(connection, raw.sqlite3_prepare_v2(connection, sql, out statement));
    }

    public SqliteRows Bind(string parameter, string value) =>
        Checked(raw.sqlite3_bind_text16(statement, raw.sqlite3_bind_parameter_index(statement, parameter), value));

    public SqliteRows Bind(string parameter, long value) =>
        Checked(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, parameter), value));

    /// <summary>Moves to the next row; false once there is none.</summary>
    public bool Next()
    {
        var step = raw.sqlite3_step(statement);
        if (step == raw.SQLITE_ROW) return true;
        SqliteResults.Check(connection, step);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public int Int32(int column) => raw.sqlite3_column_int(statement, column);

    public double Double(int column) => raw.sqlite3_column_double(statement, column);

    public bool Boolean(int column) => raw.sqlite3_column_int64(statement, column) != 0;

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    /// <summary>A text's UTF-8 bytes (or a blob's) as SQLite holds them, valid until the next row.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(statement, column);

    public string Text(int column) => Encoding.UTF8.GetString(Bytes(column));

    public ReadOnlySpan<byte> Utf8(int column) => Bytes(column);

    public byte[] Blob(int column) => Bytes(column).ToArray();

    public void Dispose() => statement.Dispose();

    private SqliteRows Checked(int result)
    {
        SqliteResults.Check(connection, result);
        return this;
    }
}
