using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>
/// The secret keys in the database (<c>SecretKeys</c>), so every node signs and checks links alike. With
/// <c>Portal:DataProtection:CertificatePath</c> a new key is stored wrapped with the certificate's RSA key (OAEP-SHA256):
/// whoever reads only the database then cannot forge a link or re-chain the audit log. Two nodes creating the same key at
/// once: the first insert wins and both use it.
/// </summary>
public sealed class DatabaseSecretKeySource(IDbContextFactory<PortalDbContext> dbFactory, IOptions<KeyRingOptions> keyRing, TimeProvider clock)
    : ISecretKeySource
{
    private const string Select = "SELECT Value, Wrapped FROM SecretKeys WHERE Name = $name";
    private const string Insert = "INSERT INTO SecretKeys (Name, Value, Wrapped, CreatedAt) VALUES ($name, $value, $wrapped, $at) ON CONFLICT (Name) DO NOTHING";

    public byte[] LoadOrCreate(string name)
    {
        using var db = dbFactory.CreateDbContext();
        db.Database.OpenConnection();
        if (Read(db, name) is { } stored) return stored;
        Store(db, name, RandomNumberGenerator.GetBytes(SecretKeys.KeyBytes));
        return Read(db, name) ?? throw new InvalidOperationException($"The secret key {name} was not stored.");
    }

    /// <summary>Stores a key unless the name has one (a key file moved in from the data folder, or a new key).</summary>
    internal void Store(PortalDbContext db, string name, byte[] key)
    {
        if (key.Length != SecretKeys.KeyBytes) throw new InvalidDataException($"The secret key {name} must be {SecretKeys.KeyBytes} bytes.");
        var wrapped = keyRing.Value.EncryptsKeys;
        byte[] value;
        if (wrapped)
        {
            using var certificate = keyRing.Value.LoadCertificate();
            using var rsa = certificate.GetRSAPublicKey()!;
            value = rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA256);
        }
        else value = key;
        using var insert = DbCommands.Prepare(db.Database.GetDbConnection(), Insert, "$name", "$value", "$wrapped", "$at");
        DbCommands.Run(insert, name, value, wrapped, clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private byte[]? Read(PortalDbContext db, string name)
    {
        using var select = DbCommands.Prepare(db.Database.GetDbConnection(), Select, "$name");
        DbCommands.Bind(select, name);
        using var row = select.ExecuteReader();
        if (!row.Read()) return null;
        var value = row.GetFieldValue<byte[]>(0);
        var key = row.GetBoolean(1) ? Unwrap(name, value) : value;
        if (key.Length != SecretKeys.KeyBytes) throw new InvalidDataException($"The secret key {name} is damaged (expected {SecretKeys.KeyBytes} bytes).");
        return key;
    }

    private byte[] Unwrap(string name, byte[] value)
    {
        if (!keyRing.Value.EncryptsKeys)
            throw new InvalidOperationException($"The secret key {name} is encrypted with a certificate: set Portal:DataProtection:CertificatePath to it.");
        using var certificate = keyRing.Value.LoadCertificate();
        using var rsa = certificate.GetRSAPrivateKey()!;
        return rsa.Decrypt(value, RSAEncryptionPadding.OaepSHA256);
    }
}
