using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>At every start without <c>Portal:DataProtection:CertificatePath</c>: one warning naming the setting that ends it.</summary>
public sealed class UnencryptedKeyRingWarning(IOptions<KeyRingOptions> keyRing, IOptions<StorageOptions> storage, ILogger<UnencryptedKeyRingWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!keyRing.Value.EncryptsKeys)
            logger.LogWarning(
                "The data-protection keys in {Directory} (they sign login cookies and antiforgery tokens) are stored unencrypted: " +
                "whoever reads them can forge a login. Set Portal:DataProtection:CertificatePath (and CertificatePassword) to encrypt them at rest",
                KeyRingRegistration.KeyDirectory(storage.Value));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
