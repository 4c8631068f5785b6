using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.KeyRing;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security.KeyRing;

/// <summary>
/// With Portal:DataProtection:CertificatePath the key ring lies encrypted in the data folder, and a login survives a
/// restart on the same folder; a missing file or a wrong password stops the start with a message naming the setting.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Password = "pfx-password-for-tests";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", "keyring-" + Guid.NewGuid().ToString("N"));
    private readonly string certificatePath;

    public KeyRingTests()
    {
        Directory.CreateDirectory(folder);
        certificatePath = Path.Combine(folder, "keyring.pfx");
        File.WriteAllBytes(certificatePath, SelfSignedPfx(Password));
    }

    /// <summary>
    /// Portal on a given data folder, its key ring encrypted with the test's certificate. The settings go in as host
    /// settings, as environment variables and appsettings.json are in production: the key ring reads them at registration.
    /// </summary>
    private sealed class EncryptedKeyRing(string dataDirectory, string certificatePath, string password = Password) : PortalAppFactory
    {
        public override string DataDirectory => dataDirectory;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:DataProtection:CertificatePath", certificatePath);
            builder.UseSetting("Portal:DataProtection:CertificatePassword", password);
        }
    }

    [Fact]
    public async Task The_stored_keys_hold_the_master_key_and_the_secret_keys_encrypted_and_a_login_survives_a_restart()
    {
        var data = Path.Combine(folder, "data");
        string cookies;
        using (var first = new EncryptedKeyRing(data, certificatePath) { KeepDataDirectory = true })
        {
            cookies = await LoginCookiesAsync(first.CreateClient(NoCookies()));
        }

        using var second = new EncryptedKeyRing(data, certificatePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/loops");
        request.Headers.Add("Cookie", cookies);
        using var page = await second.CreateClient(NoCookies()).SendAsync(request);

        await using var db = await second.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.Contains("<EncryptedData", key.Xml);
        Assert.Contains("<X509Certificate>", key.Xml);
        Assert.DoesNotContain("<value>", key.Xml);
        var secrets = await db.SecretKeys.ToListAsync();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.True(s.Wrapped && s.Value.Length > SecretKeys.KeyBytes, s.Name));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Key_files_of_an_older_data_folder_are_moved_into_the_database_and_their_links_and_logins_keep_working()
    {
        var data = Path.Combine(folder, "data-files");
        var keys = Path.Combine(data, "keys");
        Directory.CreateDirectory(keys);
        var linkKey = RandomNumberGenerator.GetBytes(SecretKeys.KeyBytes);
        await File.WriteAllBytesAsync(Path.Combine(keys, DecisionLinkTokens.KeyName + ".key"), linkKey);
        var token = new DecisionLinkTokens(new SecretKeys(new FixedKey(linkKey)), TimeProvider.System).Create("demo", "order-7", DateTimeOffset.UtcNow.AddDays(1));

        using var portal = new FilesFolder(data);
        portal.CreateClient().Dispose();

        Assert.Equal(new DecisionLinkTokens.DecisionRef("demo", "order-7"), portal.Services.GetRequiredService<DecisionLinkTokens>().Read(token));
        Assert.False(Directory.Exists(keys));
        Assert.True(File.Exists(Path.Combine(data, "keys.imported", DecisionLinkTokens.KeyName + ".key")));
    }

    private sealed class FilesFolder(string dataDirectory) : PortalAppFactory
    {
        public override string DataDirectory => dataDirectory;
    }

    private sealed class FixedKey(byte[] key) : ISecretKeySource
    {
        public byte[] LoadOrCreate(string name) => key;
    }

    [Fact]
    public void A_missing_certificate_file_is_refused_naming_the_setting()
    {
        var problems = Validate(new KeyRingOptions { CertificatePath = Path.Combine(folder, "no-such.pfx"), CertificatePassword = Password });

        Assert.Contains(problems, p => p.Contains("Portal:DataProtection:CertificatePath names no file"));
    }

    [Fact]
    public void A_wrong_password_is_refused_naming_the_setting()
    {
        var problems = Validate(new KeyRingOptions { CertificatePath = certificatePath, CertificatePassword = "wrong-password" });

        Assert.Contains(problems, p => p.Contains("Portal:DataProtection:CertificatePassword does not open"));
    }

    [Fact]
    public void A_password_without_a_certificate_is_refused_and_neither_is_fine()
    {
        Assert.Contains(Validate(new KeyRingOptions { CertificatePassword = Password }), p => p.Contains("Portal:DataProtection:CertificatePath"));
        Assert.Empty(Validate(new KeyRingOptions()));
        Assert.Empty(Validate(new KeyRingOptions { CertificatePath = certificatePath, CertificatePassword = Password }));
    }

    [Fact]
    public void A_wrong_password_stops_the_start_naming_the_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = Path.Combine(folder, "data-wrong"),
            ["Portal:DataProtection:CertificatePath"] = certificatePath,
            ["Portal:DataProtection:CertificatePassword"] = "wrong-password",
        });
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.AddKeyRing();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Portal:DataProtection:CertificatePassword does not open", error.Message);
    }

    [Fact]
    public void Without_a_certificate_the_start_warns_once_naming_the_setting()
    {
        var logs = new CapturedLogs();
        using var portal = new PortalAppFactory();
        using var app = portal.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

        app.CreateClient().Dispose();

        var warning = Assert.Single(logs.Entries, e => e.Category == typeof(UnencryptedKeyRingWarning).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Set Portal:DataProtection:CertificatePath", warning.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static WebApplicationFactoryClientOptions NoCookies() => new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") };

    /// <summary>Logs in with cookies carried by hand, so they can be sent to a second start of Portal.</summary>
    private static async Task<string> LoginCookiesAsync(HttpClient client)
    {
        using var form = await client.GetAsync("/Account/Login");
        var antiforgery = CookiesOf(form);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.Email"] = PortalAppFactory.AdminEmail,
                ["Input.Password"] = PortalAppFactory.AdminPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var answer = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var session = CookiesOf(answer);
        Assert.Contains("Portal.Session=", session);
        return session;
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    private static List<string> Validate(KeyRingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    /// <summary>An RSA certificate with its private key in a password-protected .pfx, as an operator would make with openssl.</summary>
    private static byte[] SelfSignedPfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portal key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(5));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
