using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Configuration;

namespace Portal.Infrastructure.Security.KeyRing;

public static class KeyRingRegistration
{
    /// <summary>
    /// ASP.NET's data-protection keys (login cookies, antiforgery) and Portal's secret keys (signed links, audit chain,
    /// user-id hashing) in the database, so sign-ins and links survive a restart and work on every node; encrypted with a
    /// certificate when <see cref="KeyRingOptions"/> names one. Key files of an older data folder are moved in at the first
    /// start (register after the migrator).
    /// </summary>
    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<KeyRingOptions>(KeyRingOptions.Section);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Portal");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IDbContextFactory<PortalDbContext>>((keys, dbFactory) =>
            keys.XmlRepository = new DatabaseXmlRepository(dbFactory));
        builder.Services.AddSingleton<DatabaseSecretKeySource>();
        builder.Services.AddSingleton<ISecretKeySource>(services => services.GetRequiredService<DatabaseSecretKeySource>());
        builder.Services.AddSingleton<SecretKeys>();
        builder.Services.AddHostedService<KeyFileImport>();
        builder.Services.AddHostedService<SecretKeyPreload>();

        // The certificate is needed here: the framework's decryption takes it only at registration. Settings that do not
        // validate are left for the start-up validation, which stops the start with a message naming the setting.
        var settings = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (settings.EncryptsKeys && !settings.Validate(new(settings)).Any())
            dataProtection.ProtectKeysWithCertificate(settings.LoadCertificate());
        else
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
        return builder;
    }
}
