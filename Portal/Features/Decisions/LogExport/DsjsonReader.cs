using System.Globalization;
using System.Text.Json;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// Reads DSJSON lines as Vowpal Wabbit's decision-service parser does for a contextual-bandit event: the label
/// fields, <c>a</c> and <c>p</c>, <c>EventId</c>, <c>Timestamp</c>, <c>_skipLearn</c>, and <c>c</c> with its
/// <c>_multi</c>. Numbers are read as doubles exactly as written. A line that is not such an event is refused with a
/// <see cref="FormatException"/> naming what is wrong.
/// </summary>
public static class DsjsonReader
{
    public static DsjsonEvent Read(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new FormatException("The line is not JSON: " + error.Message, error);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("A DSJSON line is a JSON object.");

        var labelIndex = Required(root, "_labelIndex").GetInt32();
        var context = Required(root, "c");
        var multi = context.TryGetProperty("_multi", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(Action).ToList()
            : throw new FormatException("c has no _multi list.");
        if (labelIndex < 0 || labelIndex >= multi.Count) throw new FormatException($"_labelIndex {labelIndex} is outside _multi ({multi.Count} actions).");
        return new DsjsonEvent(
            Required(root, "EventId").GetString() ?? "",
            DateTimeOffset.Parse(Required(root, "Timestamp").GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Required(root, "_label_cost").GetDouble(),
            Required(root, "_label_probability").GetDouble(),
            Required(root, "_label_Action").GetInt32(),
            labelIndex,
            Required(root, "a").EnumerateArray().Select(a => a.GetInt32()).ToList(),
            Required(root, "p").EnumerateArray().Select(p => p.GetDouble()).ToList(),
            WithoutMulti(context),
            multi,
            root.TryGetProperty("_skipLearn", out var skip) && skip.ValueKind == JsonValueKind.True);
    }

    private static JsonElement Required(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value : throw new FormatException($"The line has no {name}.");

    private static DsjsonAction Action(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object) throw new FormatException("A _multi entry is an object.");
        var tag = entry.TryGetProperty("_tag", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        return new DsjsonAction(tag, Filtered(entry, "_tag"));
    }

    private static JsonElement WithoutMulti(JsonElement context) => Filtered(context, "_multi");

    /// <summary>The object without one property, as its own element.</summary>
    private static JsonElement Filtered(JsonElement obj, string left)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in obj.EnumerateObject())
            {
                if (property.Name == left) continue;
                property.WriteTo(json);
            }
            json.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
