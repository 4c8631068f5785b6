using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Portal.Infrastructure.Security;

namespace Portal.Features.PublicPages;

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
        var loop = Encoding.UTF8.GetBytes(loopId);
        var @event = Encoding.UTF8.GetBytes(eventId);
        var payload = new byte[8 + 2 + loop.Length + 2 + @event.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, expiresAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(8), (ushort)loop.Length);
        loop.CopyTo(payload, 10);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(10 + loop.Length), (ushort)@event.Length);
        @event.CopyTo(payload, 12 + loop.Length);

        var token = new byte[payload.Length + MacBytes];
        payload.CopyTo(token, 0);
        Mac(payload).AsSpan(0, MacBytes).CopyTo(token.AsSpan(payload.Length));
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

    private byte[] Mac(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(secrets.Get(KeyName), payload);
}
