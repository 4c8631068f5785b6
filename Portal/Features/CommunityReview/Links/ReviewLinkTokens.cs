using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Portal.Infrastructure.Security;

namespace Portal.Features.CommunityReview.Links;

/// <summary>
/// A reviewer's link to a panel: base64url(invitation id ‖ expiry ‖ 128 random bits ‖ HMAC-SHA256 truncated to 128
/// bits) under a key in the data folder, as <see cref="DecisionLinkTokens"/> signs decision links. The signature turns
/// away forged or edited links without a database read, the random part makes each link unguessable even to whoever holds
/// the key, and the expiry travels signed, so an expired link is told apart from a wrong one. Only the SHA-256 of a link is
/// stored (<see cref="Hash"/>): it is shown once.
/// </summary>
public sealed class ReviewLinkTokens(SecretKeys secrets)
{
    public const string KeyName = "review-links";
    private const int PayloadBytes = 8 + 8 + 16;
    private const int MacBytes = 16;

    public sealed record Claim(long InvitationId, DateTimeOffset ExpiresAt);

    public string Create(long invitationId, DateTimeOffset expiresAt)
    {
        Span<byte> token = stackalloc byte[PayloadBytes + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, invitationId);
        BinaryPrimitives.WriteInt64BigEndian(token[8..], expiresAt.ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(token[16..PayloadBytes]);
        Mac(token[..PayloadBytes])[..MacBytes].CopyTo(token[PayloadBytes..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>What a genuine link claims (expired ones too: the caller says "expired"); null for anything forged or malformed.</summary>
    public Claim? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length != PayloadBytes + MacBytes) return null;
        var payload = bytes.AsSpan(0, PayloadBytes);
        if (!CryptographicOperations.FixedTimeEquals(Mac(payload).AsSpan(0, MacBytes), bytes.AsSpan(PayloadBytes))) return null;
        return new Claim(BinaryPrimitives.ReadInt64BigEndian(payload),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[8..])));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private byte[] Mac(ReadOnlySpan<byte> payload) => secrets.Mac(KeyName, payload);
}
