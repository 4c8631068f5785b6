using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Unguessable, tamper-proof links from a public page to one decision ("Why this suggestion?", feedback about it).
/// A token is base64url(expiry ‖ loop ‖ event ‖ HMAC-SHA256 truncated to 128 bits) under a key kept in the data
/// folder: it names exactly one decision until it expires, and nothing can be learned or changed by editing it.
/// </summary>
public sealed class DecisionLinkTokens(SecretKeys secrets, TimeProvider clock)
{
    public const string KeyName = "decision-links";
    private const int MacBytes = 16;
    private const int MaxIdBytes = 1024;

    public sealed record DecisionRef(string LoopId, string EventId);

    public string Create(string loopId, string eventId, DateTimeOffset expiresAt)
    {
        // Built on the stack: Rank returns a link with every decision, so the only allocation is the token string.
        var loopBytes = Encoding.UTF8.GetByteCount(loopId);
        var eventBytes = Encoding.UTF8.GetByteCount(eventId);
        if (loopBytes > MaxIdBytes || eventBytes > MaxIdBytes) throw new ArgumentException("Loop and event ids have at most 1024 UTF-8 bytes.");
        var payloadLength = 8 + 2 + loopBytes + 2 + eventBytes;
        Span<byte> token = stackalloc byte[payloadLength + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, expiresAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt16BigEndian(token[8..], (ushort)loopBytes);
        Encoding.UTF8.GetBytes(loopId, token[10..]);
        BinaryPrimitives.WriteUInt16BigEndian(token[(10 + loopBytes)..], (ushort)eventBytes);
        Encoding.UTF8.GetBytes(eventId, token[(12 + loopBytes)..]);

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        secrets.Mac(KeyName, token[..payloadLength], mac);
        mac[..MacBytes].CopyTo(token[payloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The decision the token names, or null when it is malformed, forged or expired (callers answer 404 alike).</summary>
    public DecisionRef? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4 * MaxIdBytes) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length < 12 + MacBytes) return null;

        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(Mac(payload).AsSpan(0, MacBytes), bytes.AsSpan(payload.Length))) return null;
        if (BinaryPrimitives.ReadInt64BigEndian(payload) < clock.GetUtcNow().ToUnixTimeSeconds()) return null;

        int loopLength = BinaryPrimitives.ReadUInt16BigEndian(payload[8..]);
        if (10 + loopLength + 2 > payload.Length) return null;
        int eventLength = BinaryPrimitives.ReadUInt16BigEndian(payload[(10 + loopLength)..]);
        if (12 + loopLength + eventLength != payload.Length) return null;
        return new DecisionRef(
            Encoding.UTF8.GetString(payload.Slice(10, loopLength)),
            Encoding.UTF8.GetString(payload.Slice(12 + loopLength, eventLength)));
    }

    private byte[] Mac(ReadOnlySpan<byte> payload) => secrets.Mac(KeyName, payload);
}
