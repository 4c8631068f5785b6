using System.Data.Common;
using System.Text;

namespace Portal.Infrastructure.Persistence;

/// <summary>A provider's reader on its current row, as an <see cref="ILogRow"/>.</summary>
public readonly struct ReaderRow(DbDataReader reader) : ILogRow
{
    public long Int64(int column) => reader.GetInt64(column);

    public int Int32(int column) => reader.GetInt32(column);

    public double Double(int column) => reader.GetDouble(column);

    public bool Boolean(int column) => reader.GetBoolean(column);

    public bool IsNull(int column) => reader.IsDBNull(column);

    public string Text(int column) => reader.GetString(column);

    // A text read as text is encoded; one the query already turned into bytes (PostgreSQL's convert_to) is taken as it is.
    public ReadOnlySpan<byte> Utf8(int column) =>
        reader.GetFieldType(column) == typeof(byte[]) ? reader.GetFieldValue<byte[]>(column) : Encoding.UTF8.GetBytes(reader.GetString(column));

    public byte[] Blob(int column) => reader.GetFieldValue<byte[]>(column);
}
