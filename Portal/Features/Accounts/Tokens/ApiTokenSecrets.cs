using System.Security.Cryptography;
using Portal.Features.Loops;

namespace Portal.Features.Accounts.Tokens;

/// <summary>Personal API tokens: 256 random bits, shown once, stored only as a SHA-256 hash (like loop keys).</summary>
public static class ApiTokenSecrets
{
    public const string Prefix = "ptk_";
    public const int MinLength = 32;
    public const int MaxLength = 256;

    public static string Generate() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => ApiKeys.Hash(token);

    public static string Hint(string token) => token[^4..];
}
