using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>
/// Encryption at rest of ASP.NET's data-protection key ring (<c>Portal:DataProtection</c>), the keys that sign login
/// cookies and antiforgery tokens. Unset, the keys lie in the data folder unencrypted (a warning at every start).
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "Portal:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding an RSA certificate with its private key; relative to the working directory.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The .pfx file's password; better given as an environment variable (Portal__DataProtection__CertificatePassword).</summary>
    public string CertificatePassword { get; set; } = "";

    public bool EncryptsKeys => CertificatePath.Length > 0;

    /// <summary>Empty while CertificatePath is empty (the options validator reads every property).</summary>
    public string FullCertificatePath => EncryptsKeys ? Path.GetFullPath(CertificatePath) : "";

    /// <summary>The certificate, loaded from its file; call only after validation passed.</summary>
    public X509Certificate2 LoadCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(FullCertificatePath, CertificatePassword.Length > 0 ? CertificatePassword : null);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!EncryptsKeys)
        {
            if (CertificatePassword.Length > 0)
                yield return Problem("Portal:DataProtection:CertificatePassword is set but Portal:DataProtection:CertificatePath is not.", nameof(CertificatePath));
            yield break;
        }
        if (!File.Exists(FullCertificatePath))
        {
            yield return Problem($"Portal:DataProtection:CertificatePath names no file: {FullCertificatePath}.", nameof(CertificatePath));
            yield break;
        }
        if (Check() is { } problem) yield return problem;
    }

    private ValidationResult? Check()
    {
        try
        {
            using var certificate = LoadCertificate();
            using var key = certificate.GetRSAPrivateKey();
            return key is null
                ? Problem($"Portal:DataProtection:CertificatePath must hold an RSA certificate with its private key: {FullCertificatePath} has none.", nameof(CertificatePath))
                : null;
        }
        catch (CryptographicException)
        {
            // The loader says the same for a wrong password and for a file that is no .pfx; the message names both.
            return Problem($"Portal:DataProtection:CertificatePassword does not open {FullCertificatePath} (wrong password, or not a PKCS#12 .pfx file).",
                nameof(CertificatePassword));
        }
    }

    private static ValidationResult Problem(string message, string member) => new(message, [member]);
}
