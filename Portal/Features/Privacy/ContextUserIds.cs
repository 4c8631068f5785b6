using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Privacy;

/// <summary>
/// Where a context carries the application's user id (PrivacyOptions.UserIdPath). Apart from <see cref="OptOutCheck"/> so
/// that data kept by other features can find its user without depending on the opt-out registry, which asks those
/// features to forget (<see cref="IForgetOnOptOut"/>).
/// </summary>
public sealed class ContextUserIds(IOptions<PrivacyOptions> options)
{
    private readonly string[] userIdPath = options.Value.UserIdPath;

    /// <summary>The application's user id in the context (a string or a number), or null when it sent none.</summary>
    public string? Of(IReadOnlyList<JsonElement> context) => Find(context, userIdPath) switch
    {
        { ValueKind: JsonValueKind.String } text when UserIds.Problem(text.GetString()) is null => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    private static readonly JsonReaderOptions Reading = new() { MaxDepth = 256 };

    /// <summary>
    /// The value at the path in the first context object that has it (of a name repeated in an object, the last, as an
    /// element's property lookup finds it). Read from the objects' text: a Rank's context needs no document for it.
    /// </summary>
    public static JsonElement? Find(IReadOnlyList<JsonElement> context, string[] path)
    {
        if (context is LazyFeatureObjects text) return FindInList(text.Utf8.Span, path);
        for (var i = 0; i < context.Count; i++)
        {
            if (context[i].ValueKind == JsonValueKind.Object && FindIn(JsonMarshal.GetRawUtf8Value(context[i]), path) is { } found) return found;
        }
        return null;
    }

    private static JsonElement? FindInList(ReadOnlySpan<byte> list, string[] path)
    {
        var reader = new Utf8JsonReader(list, Reading);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (FindIn(list[start..(int)reader.BytesConsumed], path) is { } found) return found;
        }
        return null;
    }

    /// <summary>The value at the path in one item's text; null when the item is no object or lacks the path.</summary>
    private static JsonElement? FindIn(ReadOnlySpan<byte> item, string[] path)
    {
        foreach (var key in path)
        {
            var reader = new Utf8JsonReader(item, Reading);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var at = -1;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var named = reader.ValueTextEquals(key);
                reader.Read();
                if (named) at = (int)reader.TokenStartIndex;
                reader.Skip();
            }
            if (at < 0) return null;
            // The value and whatever follows it in its object: a reader reads the value alone.
            item = item[at..];
        }
        var value = new Utf8JsonReader(item, Reading);
        value.Read();
        return JsonElement.ParseValue(ref value);
    }
}
