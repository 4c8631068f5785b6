using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// Copies feature JSON into an export keeping only what the learner reads as features: keys starting with '_' are
/// dropped (the user id, the opt-out flag: reserved, never features; <c>_text</c> stays), and so is every audit-only
/// path and whatever lies inside it. The properties of each feature object are written into the object being written
/// (the DSJSON <c>c</c> or a <c>_multi</c> entry), so Vowpal Wabbit reads the same namespaces Portal's learner does.
/// </summary>
public static class ExportedFeatures
{
    /// <summary>Writes the properties of every object in the list (anything else in it is not a feature object).</summary>
    public static void WriteProperties(Utf8JsonWriter json, IReadOnlyList<JsonElement> featureObjects, LoopExportRules rules)
    {
        for (var i = 0; i < featureObjects.Count; i++)
        {
            if (featureObjects[i].ValueKind == JsonValueKind.Object) Properties(json, featureObjects[i], "", rules, 0);
        }
    }

    /// <summary>Writes the properties of every object of a JSON array of feature objects (a missing list writes nothing).</summary>
    public static void WriteProperties(Utf8JsonWriter json, JsonElement featureArray, LoopExportRules rules)
    {
        if (featureArray.ValueKind != JsonValueKind.Array) return;
        foreach (var item in featureArray.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object) Properties(json, item, "", rules, 0);
        }
    }

    /// <summary>The context's kept features as one JSON object (the CSV's context cell).</summary>
    public static string ContextObject(IReadOnlyList<JsonElement> featureObjects, LoopExportRules rules)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, DsjsonLine.Writing))
        {
            json.WriteStartObject();
            WriteProperties(json, featureObjects, rules);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Properties(Utf8JsonWriter json, JsonElement obj, string prefix, LoopExportRules rules, int depth)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var key = property.Name;
            if (FeatureJson.IsReservedKey(key)) continue;
            // Paths are built only when some are marked: most loops mark none, and the copy stays allocation-light.
            var path = rules.AuditOnlyFeatures.Count == 0 ? "" : prefix.Length == 0 ? key : prefix + "." + key;
            if (path.Length > 0 && rules.AuditOnlyFeatures.Contains(path)) continue;
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && depth + 1 > FeatureJson.MaxDepth) continue;
            json.WritePropertyName(key);
            Value(json, property.Value, path, rules, depth + 1);
        }
    }

    private static void Value(Utf8JsonWriter json, JsonElement value, string path, LoopExportRules rules, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                json.WriteStartObject();
                Properties(json, value, path, rules, depth);
                json.WriteEndObject();
                break;
            case JsonValueKind.Array:
                // Objects in a list stand at the list's path (FeatureJson reads them so), scalars are its values.
                json.WriteStartArray();
                foreach (var element in value.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.Object) Value(json, element, path, rules, depth + 1);
                    else if (element.ValueKind != JsonValueKind.Array) element.WriteTo(json);
                }
                json.WriteEndArray();
                break;
            default:
                value.WriteTo(json);
                break;
        }
    }
}
