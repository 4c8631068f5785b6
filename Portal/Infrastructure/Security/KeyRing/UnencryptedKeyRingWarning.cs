using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>At every start without <c>Portal:DataProtection:CertificatePath</c>: one warning naming the setting that ends it.</summary>
public sealed class UnencryptedKeyRingWarning(IOptions<KeyRingOptions> keyRing, ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!keyRing.Value.EncryptsKeys)
            logger.LogWarning(
                "The data-protection keys and secret keys in the database (they sign login cookies, antiforgery tokens and links) are stored unencrypted: " +
                "whoever reads the database can forge a login. Set Portal:DataProtection:CertificatePath (and CertificatePassword) to encrypt them at rest");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
