using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>
/// Once, at the first start of a version that keeps keys in the database: the key files of the data folder
/// (<c>keys/{name}.key</c>, <c>keys/data-protection/key-*.xml</c>) are copied in where the database has none of that
/// name, so existing sign-ins, signed links and the audit chain keep working; the folder is then renamed
/// <c>keys.imported</c>. Runs right after the migrations.
/// </summary>
public sealed class KeyFileImport(IOptions<StorageOptions> storage, IDbContextFactory<PortalDbContext> dbFactory, DatabaseSecretKeySource secrets,
    TimeProvider clock, ILogger<KeyFileImport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(storage.Value.FullDataDirectory, "keys");
        if (!Directory.Exists(folder)) return Task.CompletedTask;
        using var db = dbFactory.CreateDbContext();
        db.Database.OpenConnection();
        var secretKeys = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.key"))
        {
            secrets.Store(db, Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path));
            secretKeys++;
        }
        var ringKeys = 0;
        var ring = Path.Combine(folder, "data-protection");
        if (Directory.Exists(ring))
        {
            foreach (var path in Directory.EnumerateFiles(ring, "*.xml"))
            {
                DatabaseXmlRepository.Add(db, XElement.Load(path), Path.GetFileNameWithoutExtension(path));
                ringKeys++;
            }
        }
        var kept = ImportedFolder.SetAside(folder, clock);
        logger.LogInformation("Key files moved into the database: {SecretKeys} secret keys and {RingKeys} data-protection keys; the files are kept in {Folder}",
            secretKeys, ringKeys, kept);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
