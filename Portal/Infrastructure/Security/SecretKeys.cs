using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Named 256-bit secrets kept in the data folder (<c>keys/&lt;name&gt;.key</c>), created on first use. They key the
/// audit hash chain and the signed links of the public pages, so they must outlive restarts and stay out of the
/// database: whoever can edit the database alone cannot forge a link or re-chain the audit log.
/// </summary>
public sealed class SecretKeys(IOptions<StorageOptions> storage)
{
    public const int KeyBytes = 32;
    private readonly ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    public string KeyDirectory => Path.Combine(storage.Value.FullDataDirectory, "keys");

    public byte[] Get(string name) => keys.GetOrAdd(name, LoadOrCreate);

    private byte[] LoadOrCreate(string name)
    {
        var path = Path.Combine(KeyDirectory, name + ".key");
        if (File.Exists(path)) return Read(path);

        Directory.CreateDirectory(KeyDirectory);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temporary, options))
        {
            file.Write(key);
            file.Flush(flushToDisk: true);
        }
        try
        {
            // Another process may have won the race: its key stands, ours is discarded.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Read(path);
        }
    }

    private static byte[] Read(string path)
    {
        var key = File.ReadAllBytes(path);
        if (key.Length != KeyBytes) throw new InvalidDataException($"The secret key file {path} is damaged (expected {KeyBytes} bytes).");
        return key;
    }
}
