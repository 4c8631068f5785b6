using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// The contextFeatures of a logged Rank request, parsed on their own. The request's text is only scanned (no document
/// is built for its actions, usually most of it) up to the first contextFeatures list, and that list alone is parsed:
/// the background readers (manipulation watch, insights) do this for every decision, and a whole-request document cost
/// them several times more. Property names are read as the API reads them, case-insensitively; the first property of
/// that name whose value is a list counts, as <see cref="FeatureJson.ContextOf"/> finds it. Dispose to free the buffers
/// (the elements are valid until then).
/// </summary>
public sealed class LoggedContext : IDisposable
{
    private const string Name = "contextFeatures";
    private static readonly JsonReaderOptions Scanning = new() { MaxDepth = 256 };
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 256 };

    private readonly JsonDocument? document;
    private PooledUtf8? rented;

    private LoggedContext(JsonDocument? document, PooledUtf8? rented, List<JsonElement> features)
    {
        this.document = document;
        this.rented = rented;
        Features = features;
    }

    /// <summary>The context's feature objects (and whatever else its list holds), in order; empty when it has none.</summary>
    public IReadOnlyList<JsonElement> Features { get; }

    /// <summary>The context of a request stored as text. Throws <see cref="JsonException"/> when the text before it is not JSON.</summary>
    public static LoggedContext Of(string requestJson)
    {
        var text = PooledUtf8.Of(requestJson);
        try
        {
            return Of(text.Memory, text);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The categorical values of a logged request's context (<see cref="Utf8FeatureLeaves"/>), read from its text
    /// without any document: as <see cref="FeatureJson.Leaves(IReadOnlyList{JsonElement})"/> of <see cref="Of(string)"/>'s
    /// features gives them. Throws <see cref="JsonException"/> when the text up to the context's end is not JSON.
    /// </summary>
    public static List<(string Feature, string Value)> Categories(string requestJson)
    {
        using var text = PooledUtf8.Of(requestJson);
        return Categories(text.Memory.Span);
    }

    /// <summary>The same from the request's UTF-8 text as stored (no string of the whole request).</summary>
    public static List<(string Feature, string Value)> Categories(ReadOnlySpan<byte> requestUtf8)
    {
        var found = new List<(string, string)>(capacity: 8);
        var reader = new Utf8JsonReader(requestUtf8, Scanning);
        if (MoveToContext(ref reader)) Utf8FeatureLeaves.ReadCategories(ref reader, found);
        return found;
    }

    /// <summary>
    /// Every value of a logged request's context, read from its UTF-8 text without any document: what
    /// <see cref="FeatureJson.Leaves(IReadOnlyList{JsonElement})"/> of <see cref="Of(string)"/>'s features gives, added to
    /// <paramref name="leaves"/>. Throws <see cref="JsonException"/> when the text up to the context's end is not JSON.
    /// </summary>
    public static void Leaves(ReadOnlySpan<byte> requestUtf8, List<FeatureLeaf> leaves)
    {
        var reader = new Utf8JsonReader(requestUtf8, Scanning);
        if (MoveToContext(ref reader)) Utf8FeatureLeaves.ReadList(ref reader, leaves);
    }

    /// <summary>
    /// The context's list as an element of its own that outlives the call (a ticket's decision snapshot, the live
    /// stream's rows); an empty list when the request has none or its text up to the context is not JSON.
    /// </summary>
    public static JsonElement Detached(string requestJson)
    {
        try
        {
            using var context = Of(requestJson);
            return context.document?.RootElement.Clone() ?? EmptyList;
        }
        catch (JsonException)
        {
            return EmptyList;
        }
    }

    // A cloned element owns its memory and is never changed: one can serve every caller.
    private static readonly JsonElement EmptyList = JsonDocument.Parse("[]").RootElement.Clone();

    /// <summary>The context of a request's UTF-8 bytes, which must stay unchanged until this is disposed.</summary>
    public static LoggedContext Of(ReadOnlyMemory<byte> requestUtf8) => Of(requestUtf8, rented: null);

    private static LoggedContext Of(ReadOnlyMemory<byte> request, PooledUtf8? rented)
    {
        if (Find(request.Span) is not { } range) return new LoggedContext(null, rented, []);
        var document = JsonDocument.Parse(request[range], Parsing);
        var features = new List<JsonElement>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray()) features.Add(item);
        return new LoggedContext(document, rented, features);
    }

    /// <summary>Where the first contextFeatures list is; null when the request is no object or has none.</summary>
    private static Range? Find(ReadOnlySpan<byte> request)
    {
        var reader = new Utf8JsonReader(request, Scanning);
        if (!MoveToContext(ref reader)) return null;
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)(reader.TokenStartIndex + 1);
    }

    /// <summary>Moves a reader at a request's start onto the first contextFeatures list (its StartArray); false when the request is no object or has none.</summary>
    private static bool MoveToContext(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var named = PropertyName.Is(ref reader, Name);
            reader.Read();
            if (named && reader.TokenType == JsonTokenType.StartArray) return true;
            reader.Skip();
        }
        return false;
    }

    public void Dispose()
    {
        document?.Dispose();
        rented?.Dispose();
        rented = null;
    }
}
