using System.Security.Cryptography;

namespace Portal.Features.Feedback;

/// <summary>
/// Ticket references such as <c>FB-7K3M9Q</c>: six characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// easy to read out on the phone. About 887 million values; uniqueness is checked when a ticket is stored.
/// </summary>
public static class TicketReference
{
    public const string Prefix = "FB-";
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Length = 6;

    public static string New() => Prefix + new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>Whether the text is a ticket reference: FB- and six characters of the alphabet, in any case.</summary>
    public static bool IsReference(string? text)
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        return value.Length == Prefix.Length + Length && value.StartsWith(Prefix, StringComparison.Ordinal)
            && value.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;
    }

    /// <summary>Accepts what people type: any case, surrounding spaces, with or without the prefix.</summary>
    public static string Normalize(string? text)
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        return value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length != Length ? value : Prefix + value;
    }
}
