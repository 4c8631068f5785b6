using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// The values of a feature list read straight from its UTF-8 text: what <see cref="FeatureJson.Leaves(IReadOnlyList{JsonElement})"/>
/// yields from a document, by the same rules (reserved keys, <c>_text</c>, lists, depth limits) and in the same order,
/// without the document. Every settled decision's context is read this way by the manipulation watch (its categories
/// only) and the insights aggregator (every value).
/// </summary>
public static class Utf8FeatureLeaves
{
    /// <summary>Adds every value of the list the reader is on (its StartArray); the reader ends on the list's end.</summary>
    public static void ReadList(ref Utf8JsonReader reader, List<FeatureLeaf> leaves)
    {
        var sink = new AllValues(leaves);
        ReadList(ref reader, ref sink);
    }

    /// <summary>
    /// Adds the list's categorical values (<see cref="FeatureLeaf.IsCategory"/>: texts and set flags) with their paths,
    /// without a leaf for every number.
    /// </summary>
    public static void ReadCategories(ref Utf8JsonReader reader, List<(string Feature, string Value)> found)
    {
        var sink = new CategoriesOnly(found);
        ReadList(ref reader, ref sink);
    }

    private static void ReadList<TSink>(ref Utf8JsonReader reader, ref TSink sink) where TSink : ISink
    {
        var strings = FeatureStrings.ForThread();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) Object(ref reader, "", 0, inList: false, strings, ref sink);
            else reader.Skip();
        }
    }

    private static void Object<TSink>(ref Utf8JsonReader reader, string prefix, int depth, bool inList, FeatureStrings strings, ref TSink sink)
        where TSink : ISink
    {
        if (depth > FeatureJson.MaxDepth)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names, paths and category values repeat from context to context: the thread's strings, not new ones.
            var key = strings.Get(in reader);
            reader.Read();
            if (FeatureJson.IsReservedKey(key))
            {
                reader.Skip();
                continue;
            }
            var path = strings.Join(prefix, key);
            if (key == FeatureJson.TextKey)
            {
                if (reader.TokenType == JsonTokenType.String) sink.Words(path, ref reader, inList);
                else reader.Skip();
                continue;
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Object(ref reader, path, depth + 1, inList, strings, ref sink);
                    break;
                case JsonTokenType.StartArray when depth + 1 <= FeatureJson.MaxDepth:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject) Object(ref reader, path, depth + 2, inList: true, strings, ref sink);
                        else if (reader.TokenType == JsonTokenType.StartArray) reader.Skip();
                        else Scalar(ref reader, path, inList: true, strings, ref sink);
                    }
                    break;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    break;
                default:
                    Scalar(ref reader, path, inList, strings, ref sink);
                    break;
            }
        }
    }

    private static void Scalar<TSink>(ref Utf8JsonReader reader, string path, bool inList, FeatureStrings strings, ref TSink sink) where TSink : ISink
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                sink.Text(path, strings.Get(in reader), inList);
                break;
            case JsonTokenType.True:
                sink.True(path, inList);
                break;
            case JsonTokenType.Number:
                sink.Number(path, ref reader, inList);
                break;
        }
    }

    /// <summary>What becomes of each value found; a struct, so that each kind of reading is compiled on its own.</summary>
    private interface ISink
    {
        void Text(string path, string value, bool inList);

        void True(string path, bool inList);

        void Number(string path, ref Utf8JsonReader reader, bool inList);

        void Words(string path, ref Utf8JsonReader reader, bool inList);
    }

    private readonly struct AllValues(List<FeatureLeaf> leaves) : ISink
    {
        public void Text(string path, string value, bool inList) => leaves.Add(new FeatureLeaf(path, FeatureValueKind.String, value, 0, inList));

        public void True(string path, bool inList) => leaves.Add(new FeatureLeaf(path, FeatureValueKind.True, null, 0, inList));

        // As a document's TryGetDouble reads it; a number out of double's range or not finite is no value.
        public void Number(string path, ref Utf8JsonReader reader, bool inList)
        {
            if (reader.TryGetDouble(out var number) && double.IsFinite(number))
                leaves.Add(new FeatureLeaf(path, FeatureValueKind.Number, null, number, inList));
        }

        public void Words(string path, ref Utf8JsonReader reader, bool inList) =>
            leaves.Add(new FeatureLeaf(path, FeatureValueKind.Words, reader.GetString(), 0, inList));
    }

    // Free text and numbers name no group of people: they are passed over unread.
    private readonly struct CategoriesOnly(List<(string, string)> found) : ISink
    {
        public void Text(string path, string value, bool inList) => found.Add((path, value));

        public void True(string path, bool inList) => found.Add((path, "true"));

        public void Number(string path, ref Utf8JsonReader reader, bool inList)
        {
        }

        public void Words(string path, ref Utf8JsonReader reader, bool inList)
        {
        }
    }
}
