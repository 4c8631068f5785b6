using System.Security.Cryptography;
using System.Text;

namespace Portal.Features.Feedback;

/// <summary>The end user's message: how it is stored, and what counts as "the same text".</summary>
public static class MessageText
{
    /// <summary>Line breaks as one character each (browsers send CRLF, but count and cap LF).</summary>
    public static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    /// <summary>SHA-256 (hex) of the text with case and runs of white space ignored.</summary>
    public static string Hash(string text)
    {
        var normalized = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = normalized.Length > 0;
                continue;
            }
            if (pendingSpace) normalized.Append(' ');
            pendingSpace = false;
            normalized.Append(char.ToLowerInvariant(c));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized.ToString())));
    }

    /// <summary>The start of a message on one line, for lists: at most <paramref name="length"/> characters.</summary>
    public static string Preview(string text, int length = 110)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= length ? oneLine : oneLine[..(length - 1)].TrimEnd() + "…";
    }
}
