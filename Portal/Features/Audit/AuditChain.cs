using System.Text;
using System.Text.Json;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Audit;

/// <summary>
/// The hash chain of the audit log: each entry's hash is HMAC-SHA256, under a key kept in the data folder, of the
/// previous entry's hash and the entry's canonical form (a JSON array of its fields in a fixed order, time in unix
/// milliseconds). Without the key nobody can re-chain entries after changing one.
/// </summary>
public sealed class AuditChain(SecretKeys secrets)
{
    public const string KeyName = "audit-chain";
    public static readonly string Genesis = new('0', 64);

    public string HashOf(AuditEntry entry, string previousHash)
    {
        using var canonical = new MemoryStream();
        canonical.Write(Encoding.ASCII.GetBytes(previousHash));
        using (var json = new Utf8JsonWriter(canonical))
        {
            json.WriteStartArray();
            json.WriteNumberValue(entry.At.ToUnixTimeMilliseconds());
            WriteNullable(json, entry.ActorId);
            json.WriteStringValue(entry.ActorName);
            json.WriteStringValue(entry.Action);
            json.WriteStringValue(entry.TargetType);
            json.WriteStringValue(entry.TargetId);
            WriteNullable(json, entry.LoopId);
            WriteNullable(json, entry.Before);
            WriteNullable(json, entry.After);
            WriteNullable(json, entry.Reason);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(secrets.Mac(KeyName, canonical.GetBuffer().AsSpan(0, (int)canonical.Length)));
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }
}
