using System.IO.Compression;

namespace Portal.Features.Accounts.Passwords;

/// <summary>
/// The 100,000 most common passwords (see common-passwords-100k.SOURCE.md), read once at start-up into a set that
/// ignores case: "Password" is as guessable as "password".
/// </summary>
public sealed class CommonPasswordList
{
    public const string ResourceName = "Portal.CommonPasswords";

    private readonly HashSet<string> passwords;

    public CommonPasswordList(IEnumerable<string> passwords) =>
        this.passwords = new HashSet<string>(passwords.Where(p => p.Length > 0), StringComparer.OrdinalIgnoreCase);

    /// <summary>Distinct entries, case ignored.</summary>
    public int Count => passwords.Count;

    public bool Contains(string password) => passwords.Contains(password);

    /// <summary>The list shipped in Portal's assembly.</summary>
    public static CommonPasswordList LoadShipped()
    {
        using var resource = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common-password list ({ResourceName}) is missing from the assembly.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        return new CommonPasswordList(ReadLines(reader));
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }
}
