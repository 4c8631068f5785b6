using System.Net;
using System.Security.Cryptography;
using Portal.Infrastructure.Security;

namespace Portal.Features.Decisions;

/// <summary>
/// Names the source of a reward by a keyed hash of the caller's address (HMAC-SHA256 under a key in the data folder,
/// first 64 bits as hex): enough to see that one source sends a burst of rewards, without logging where anyone
/// connects from. The same address always gets the same name while the key is kept.
/// </summary>
public sealed class RewardSources(SecretKeys secrets)
{
    public const string KeyName = "reward-sources";

    /// <summary>The name of a caller whose address is unknown (an in-process caller without one).</summary>
    public const string Unknown = "unknown";

    public string Of(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written)) return Unknown;
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        secrets.Mac(KeyName, bytes[..written], mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
