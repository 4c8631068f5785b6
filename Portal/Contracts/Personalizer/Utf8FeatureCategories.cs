using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// The categorical values of a feature list (<see cref="FeatureLeaf.IsCategory"/>: texts and set flags, with their
/// paths, in document order) read straight from its UTF-8 text: what <see cref="FeatureJson.Leaves(IReadOnlyList{JsonElement})"/>
/// yields for them, by the same rules (reserved keys, <c>_text</c>, lists, depth limits), without a document or a leaf
/// for every number. The manipulation watch reads every settled decision's context this way.
/// </summary>
public static class Utf8FeatureCategories
{
    /// <summary>Adds the categories of the list the reader is on (its StartArray); the reader ends on the list's end.</summary>
    public static void ReadList(ref Utf8JsonReader reader, List<(string Feature, string Value)> found)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) Object(ref reader, "", 0, found);
            else reader.Skip();
        }
    }

    private static void Object(ref Utf8JsonReader reader, string prefix, int depth, List<(string, string)> found)
    {
        if (depth > FeatureJson.MaxDepth)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            // Reserved keys are not features, and free text (_text) is no category.
            if (FeatureJson.IsReservedKey(key) || key == FeatureJson.TextKey)
            {
                reader.Skip();
                continue;
            }
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Object(ref reader, path, depth + 1, found);
                    break;
                case JsonTokenType.StartArray when depth + 1 <= FeatureJson.MaxDepth:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject) Object(ref reader, path, depth + 2, found);
                        else if (reader.TokenType == JsonTokenType.StartArray) reader.Skip();
                        else Scalar(ref reader, path, found);
                    }
                    break;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    break;
                default:
                    Scalar(ref reader, path, found);
                    break;
            }
        }
    }

    private static void Scalar(ref Utf8JsonReader reader, string path, List<(string, string)> found)
    {
        if (reader.TokenType == JsonTokenType.String) found.Add((path, reader.GetString()!));
        else if (reader.TokenType == JsonTokenType.True) found.Add((path, "true"));
    }
}
