using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Features.Audit;

/// <summary>What a change tells the audit log: the act, its target, the state before and after, and why.</summary>
public sealed record AuditRecord(
    string Action,
    string TargetType,
    string TargetId,
    string? LoopId = null,
    string? Before = null,
    string? After = null,
    string? Reason = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON form of a before/after state (null stays null).</summary>
    public static string? Json<T>(T? state) => state is null ? null : JsonSerializer.Serialize(state, Options);
}
