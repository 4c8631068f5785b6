using System.Security.Cryptography;
using System.Text;

namespace Portal.Features.Loops;

/// <summary>Loop API keys: 256 random bits, shown once, stored only as a SHA-256 hash.</summary>
public static class ApiKeys
{
    public const int MaxLength = 256;

    public static string Generate() => "ptl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fast hash is enough: keys are high-entropy random values, not passwords.</summary>
    public static string Hash(ReadOnlySpan<char> key)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string Hint(string key) => key[^4..];
}
