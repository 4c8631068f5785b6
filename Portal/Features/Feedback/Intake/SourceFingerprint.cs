using System.Net;
using System.Text;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Intake;

/// <summary>
/// Recognizes "the same source" without storing client addresses: an HMAC of the address under a key kept in the
/// data folder. Whoever reads the database cannot test guesses of an address against it without that key.
/// </summary>
public sealed class SourceFingerprint(SecretKeys secrets)
{
    public const string KeyName = "feedback-sources";

    public string Of(IPAddress? address)
    {
        var normalized = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        var text = normalized?.ToString() ?? "unknown";
        return Convert.ToHexStringLower(secrets.Mac(KeyName, Encoding.UTF8.GetBytes(text)));
    }
}
