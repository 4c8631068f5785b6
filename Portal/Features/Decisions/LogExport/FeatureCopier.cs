using System.Text;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// Copies a JSON list of feature objects into an export, token by token (no document is built), keeping only what the
/// learner reads as features: keys starting with '_' are dropped (the user id, the opt-out flag: reserved, never
/// features; <c>_text</c> stays), and so is every audit-only path and whatever lies inside it; nothing deeper than
/// <see cref="FeatureJson.MaxDepth"/> is copied, nor lists in lists. The properties of each feature object are written
/// into the object being written (the DSJSON <c>c</c> or a <c>_multi</c> entry), so Vowpal Wabbit reads the same
/// namespaces Portal's learner does. Values are copied as written: numbers keep their exact text.
/// </summary>
public static class FeatureCopier
{
    private static readonly byte[] TextKey = Encoding.UTF8.GetBytes(FeatureJson.TextKey);

    /// <summary>Writes the properties of every object in the list (a missing list, or anything else in it, writes nothing).</summary>
    public static void WriteProperties(Utf8JsonWriter json, ReadOnlySpan<byte> featureList, LoopExportRules rules)
    {
        if (featureList.IsEmpty) return;
        var reader = new Utf8JsonReader(featureList, new JsonReaderOptions { MaxDepth = FeatureJson.MaxDepth * 2 + 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) Properties(json, ref reader, "", rules, 0);
            else reader.Skip();
        }
    }

    /// <summary>The kept features as one JSON object (the CSV's context cell).</summary>
    public static string Object(ReadOnlySpan<byte> featureList, LoopExportRules rules)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, DsjsonLine.Writing))
        {
            json.WriteStartObject();
            WriteProperties(json, featureList, rules);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The reader is on an object's start; on return it is on its end.</summary>
    private static void Properties(Utf8JsonWriter json, ref Utf8JsonReader reader, string prefix, LoopExportRules rules, int depth)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Unescaped(ref reader);
            // Paths are built only when some are marked: most loops mark none, and the copy stays allocation-free.
            var path = rules.AuditOnlyFeatures.Count == 0 ? "" : Join(prefix, Encoding.UTF8.GetString(name));
            var keep = !IsReserved(name) && (path.Length == 0 || !rules.AuditOnlyFeatures.Contains(path));
            reader.Read();
            if (!keep || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && depth + 1 > FeatureJson.MaxDepth))
            {
                reader.Skip();
                continue;
            }
            json.WritePropertyName(name);
            Value(json, ref reader, path, rules, depth + 1);
        }
    }

    private static void Value(Utf8JsonWriter json, ref Utf8JsonReader reader, string path, LoopExportRules rules, int depth)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                json.WriteStartObject();
                Properties(json, ref reader, path, rules, depth);
                json.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                // Objects in a list stand at the list's path (FeatureJson reads them so), scalars are its values.
                json.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartArray) reader.Skip();
                    else Value(json, ref reader, path, rules, depth + 1);
                }
                json.WriteEndArray();
                break;
            case JsonTokenType.String:
                // The string as written, escapes included: nothing to decode, nothing changed.
                WriteString(json, reader.ValueSpan);
                break;
            default:
                json.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
        }
    }

    /// <summary>The name's bytes; an escaped name (rare) is decoded into an array of its own.</summary>
    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    private static bool IsReserved(ReadOnlySpan<byte> name) => name.Length > 0 && name[0] == (byte)'_' && !name.SequenceEqual(TextKey);

    private static void WriteString(Utf8JsonWriter json, ReadOnlySpan<byte> escaped)
    {
        var quoted = escaped.Length + 2 <= 256 ? stackalloc byte[escaped.Length + 2] : new byte[escaped.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        escaped.CopyTo(quoted[1..]);
        json.WriteRawValue(quoted, skipInputValidation: true);
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + "." + key;
}
