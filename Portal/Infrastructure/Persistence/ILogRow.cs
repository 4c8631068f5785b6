using System.Data.Common;
using System.Text;
using Portal.Data.Entities;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The current row of a read of the log, read through SQLite's statement API (<see cref="SqliteRows"/>) or through a
/// provider's reader (<see cref="ReaderRow"/>, PostgreSQL): one mapping of columns serves both engines, each column
/// read as that engine stores it (SQLite's flags are integers, PostgreSQL's booleans).
/// </summary>
public interface ILogRow
{
    long Int64(int column);

    int Int32(int column);

    double Double(int column);

    bool Boolean(int column);

    bool IsNull(int column);

    string Text(int column);

    /// <summary>A text column's UTF-8 bytes, valid until the next row (<c>ToArray()</c> to keep them).</summary>
    ReadOnlySpan<byte> Utf8(int column);

    /// <summary>A blob column's bytes, as a copy that outlives the row.</summary>
    byte[] Blob(int column);
}

/// <summary>A provider's reader on its current row, as an <see cref="ILogRow"/>.</summary>
public readonly struct ReaderRow(DbDataReader reader) : ILogRow
{
    public long Int64(int column) => reader.GetInt64(column);

    public int Int32(int column) => reader.GetInt32(column);

    public double Double(int column) => reader.GetDouble(column);

    public bool Boolean(int column) => reader.GetBoolean(column);

    public bool IsNull(int column) => reader.IsDBNull(column);

    public string Text(int column) => reader.GetString(column);

    public ReadOnlySpan<byte> Utf8(int column) => Encoding.UTF8.GetBytes(reader.GetString(column));

    public byte[] Blob(int column) => reader.GetFieldValue<byte[]>(column);
}

/// <summary>Columns of the log read the same way from any <see cref="ILogRow"/>.</summary>
public static class LogRowColumns
{
    /// <summary>A learning mode, stored as its name.</summary>
    public static LearningMode Mode<TRow>(this TRow row, int column) where TRow : ILogRow => StoredLearningMode.Parse(row.Utf8(column));

    /// <summary>A time, stored in Unix milliseconds.</summary>
    public static DateTimeOffset Time<TRow>(this TRow row, int column) where TRow : ILogRow => DateTimeOffset.FromUnixTimeMilliseconds(row.Int64(column));

    /// <summary>A time that may be missing.</summary>
    public static DateTimeOffset? TimeOrNull<TRow>(this TRow row, int column) where TRow : ILogRow => row.IsNull(column) ? null : row.Time(column);
}
