using System.Security.Cryptography;

namespace Portal.Features.Accounts;

public static class PasswordGenerator
{
    // No look-alike characters (0/O, 1/l/I): people copy these from a console or a dialog.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password of 20 characters (about 116 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 20);
}
