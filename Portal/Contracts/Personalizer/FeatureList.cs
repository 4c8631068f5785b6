using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// An action's <c>features</c>: the items of the list as the application sent them, each as its UTF-8 JSON. Rank's
/// body reader keeps them as ranges of the body it read (no document; valid while the body's buffer is), the serializer
/// and the document reader as elements. Hashing (<c>PersonalizerFeatures</c>), validation and the action catalog read
/// the text; nothing needs a tree.
/// </summary>
[JsonConverter(typeof(FeatureListConverter))]
public sealed class FeatureList
{
    private readonly JsonElement[]? elements;
    private readonly ReadOnlyMemory<byte> text;
    private readonly int[]? bounds;

    private FeatureList(JsonElement[] elements) => (this.elements, Count) = (elements, elements.Length);

    private FeatureList(ReadOnlyMemory<byte> text, int[] bounds, int count, int leaves) =>
        (this.text, this.bounds, Count, KnownLeaves) = (text, bounds, count, leaves);

    public static FeatureList Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>The scalar features under the items when the reader counted them as it read (a set it accepted), else -1.</summary>
    public int KnownLeaves { get; } = -1;

    /// <summary>A list of elements (the serializer's, a document's, a test's); they must outlive the list.</summary>
    public static FeatureList Of(IReadOnlyList<JsonElement> items)
    {
        var copy = new JsonElement[items.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = items[i];
        return new FeatureList(copy);
    }

    /// <summary>
    /// Objects at <paramref name="bounds"/> (start, end pairs) of <paramref name="text"/>, which must not change while the
    /// list is read; <paramref name="leaves"/> is how many scalar features they hold (counted by the reader).
    /// </summary>
    internal static FeatureList OfObjects(ReadOnlyMemory<byte> text, int[] bounds, int count, int leaves) => new(text, bounds, count, leaves);

    /// <summary>What item <paramref name="index"/> is; the body reader keeps objects only.</summary>
    public JsonValueKind KindOf(int index) => elements is { } items ? items[index].ValueKind : JsonValueKind.Object;

    /// <summary>Item <paramref name="index"/> as the application sent it.</summary>
    public ReadOnlySpan<byte> Utf8Of(int index) =>
        elements is { } items ? JsonMarshal.GetRawUtf8Value(items[index]) : text.Span[bounds![2 * index]..bounds[2 * index + 1]];

    /// <summary>Item <paramref name="index"/> as an element (validation's error messages; tests): parsed again from the text when it was kept as text.</summary>
    public JsonElement ElementOf(int index) => elements is { } items ? items[index] : JsonElement.Parse(Utf8Of(index));
}

/// <summary>Reads a <c>features</c> list as the serializer reads any JSON array; writes the items back as they came.</summary>
public sealed class FeatureListConverter : JsonConverter<FeatureList>
{
    public override FeatureList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Anything but a list is the wrong type: the serializer adds the path to its message, as for any other property.
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException();
        var list = JsonElement.ParseValue(ref reader);
        var items = new JsonElement[list.GetArrayLength()];
        var i = 0;
        foreach (var item in list.EnumerateArray()) items[i++] = item;
        return FeatureList.Of(items);
    }

    public override void Write(Utf8JsonWriter writer, FeatureList value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++) writer.WriteRawValue(value.Utf8Of(i), skipInputValidation: true);
        writer.WriteEndArray();
    }
}
