using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// Where a logged Rank request keeps what the export needs, found in one pass of its UTF-8 text (no document is built):
/// the contextFeatures list, and each action's id with its features list (property names as the API reads them:
/// case-insensitive). The ranges index into the request's bytes; a missing list is an empty range.
/// </summary>
public sealed record RequestLayout(Range Context, string[] ActionIds, Range[] ActionFeatures)
{
    private static readonly JsonReaderOptions Reading = new() { MaxDepth = 256 };

    /// <summary>The layout, or null when the text is not a JSON object.</summary>
    public static RequestLayout? Find(ReadOnlySpan<byte> request)
    {
        try
        {
            var reader = new Utf8JsonReader(request, Reading);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            Range context = default;
            (string[] Ids, Range[] Features) actions = ([], []);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isContext = PropertyName.Is(ref reader, "contextFeatures");
                var isActions = !isContext && PropertyName.Is(ref reader, "actions");
                reader.Read();
                if (isContext && reader.TokenType == JsonTokenType.StartArray) context = Span(ref reader);
                else if (isActions && reader.TokenType == JsonTokenType.StartArray) actions = Actions(ref reader);
                else reader.Skip();
            }
            return new RequestLayout(context, actions.Ids, actions.Features);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reader is on the value's start; the range covers the value, and the reader ends on its end.</summary>
    private static Range Span(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)(reader.TokenStartIndex + 1);
    }

    private static (string[] Ids, Range[] Features) Actions(ref Utf8JsonReader reader)
    {
        var (ids, features) = (new List<string>(), new List<Range>());
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var (id, list) = ("", default(Range));
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
            }
            else
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isId = PropertyName.Is(ref reader, "id");
                    var isFeatures = !isId && PropertyName.Is(ref reader, "features");
                    reader.Read();
                    if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString()!;
                    else if (isFeatures && reader.TokenType == JsonTokenType.StartArray) list = Span(ref reader);
                    else reader.Skip();
                }
            }
            ids.Add(id);
            features.Add(list);
        }
        return ([.. ids], [.. features]);
    }
}
