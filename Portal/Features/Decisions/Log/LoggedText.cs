using System.Text;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// Text for the log as it came or was written: UTF-8 bytes (a Rank body, JSON written by Rank) that SQLite stores as
/// they are, or a string. The bytes must stay unchanged until the write is committed (the caller awaits the commit).
/// </summary>
public readonly struct LoggedText
{
    private readonly string? text;

    public LoggedText(string? text) => this.text = text;

    /// <summary>Bytes that are not valid UTF-8 are kept as the string they decode to (invalid sequences replaced), as before.</summary>
    public LoggedText(ReadOnlyMemory<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            Utf8 = utf8;
            IsUtf8 = true;
        }
        else
        {
            text = Encoding.UTF8.GetString(utf8.Span);
        }
    }

    /// <summary>The UTF-8 bytes, when this was made from valid ones.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    public bool IsUtf8 { get; }

    /// <summary>The string this was made from, or null when it was made from bytes (or from null: the database refuses that).</summary>
    public string? Text => text;

    public static implicit operator LoggedText(string? text) => new(text);

    /// <summary>The text as a string (a copy when it was made from bytes); null only when it was made from null.</summary>
    public string? AsString() => IsUtf8 ? Encoding.UTF8.GetString(Utf8.Span) : text;

    public override string ToString() => AsString() ?? "";
}
