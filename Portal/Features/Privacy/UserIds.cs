using System.Security.Cryptography;
using System.Text;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy;

/// <summary>
/// The keyed hash the opt-out registry keeps instead of a user id: HMAC-SHA256 under a key in the data folder, first
/// 128 bits. Without the key a stored hash cannot be tied to anyone; with it, the same id always finds its entry.
/// </summary>
public sealed class UserIds(SecretKeys secrets)
{
    public const string KeyName = "opt-out-users";
    public const int MaxLength = 256;

    /// <summary>Why an id cannot be used, or null: 1 to 256 characters, no control characters.</summary>
    public static string? Problem(string? userId) =>
        string.IsNullOrEmpty(userId) ? "userId is required."
        : userId.Length > MaxLength ? $"userId is longer than {MaxLength} characters."
        : userId.Any(char.IsControl) ? "userId contains control characters."
        : null;

    /// <summary>Allocation-free: Rank hashes the id of every call of a loop that has opt-outs.</summary>
    public UInt128 Hash(ReadOnlySpan<char> userId)
    {
        Span<byte> utf8 = stackalloc byte[MaxLength * 3];
        var length = Encoding.UTF8.GetBytes(userId.Length > MaxLength ? userId[..MaxLength] : userId, utf8);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        secrets.Mac(KeyName, utf8[..length], mac);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(mac);
    }

    public static string ToHex(UInt128 hash) => hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static UInt128 FromHex(string hex) => UInt128.Parse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
}
