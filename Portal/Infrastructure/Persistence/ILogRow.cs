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

    /// <summary>A text column's UTF-8 bytes (or those a query made of it), valid until the next row (<c>ToArray()</c> to keep them).</summary>
    ReadOnlySpan<byte> Utf8(int column);

    /// <summary>A blob column's bytes, as a copy that outlives the row.</summary>
    byte[] Blob(int column);
}
