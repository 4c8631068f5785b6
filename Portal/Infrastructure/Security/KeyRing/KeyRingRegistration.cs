using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security.KeyRing;

public static class KeyRingRegistration
{
    /// <summary>
    /// ASP.NET's data-protection keys (login cookies, antiforgery) in the data folder (<c>keys/data-protection</c>), so
    /// sign-ins survive a restart and move with the data; encrypted with a certificate when <see cref="KeyRingOptions"/>
    /// names one.
    /// </summary>
    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<KeyRingOptions>(KeyRingOptions.Section);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Portal");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeyDirectory(storage.Value)), logs));

        // The certificate is needed here: the framework's decryption takes it only at registration. Settings that do not
        // validate are left for the start-up validation, which stops the start with a message naming the setting.
        var settings = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (settings.EncryptsKeys && !settings.Validate(new(settings)).Any())
            dataProtection.ProtectKeysWithCertificate(settings.LoadCertificate());
        else
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
        return builder;
    }

    public static string KeyDirectory(StorageOptions storage) => Path.Combine(storage.FullDataDirectory, "keys", "data-protection");
}
