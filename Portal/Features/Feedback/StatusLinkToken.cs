using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Features.Feedback;

/// <summary>
/// The secret of a private status link: 256 random bits (base64url, 43 characters), handed to the end user once and
/// stored only as its SHA-256 hash, like loop API keys. A fast hash suffices for a high-entropy random value.
/// </summary>
public static class StatusLinkToken
{
    public const int MaxLength = 64;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PathOf(string token) => "feedback/status/" + token;
}
