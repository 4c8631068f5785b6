using System.Text.Json;

namespace Portal.Features.Learning;

/// <summary>
/// Personalizer feature JSON → hashed features, following VW's JSON parser: each top-level object's scalar
/// properties go to the default namespace; an object-valued property opens a namespace named by its key; strings are
/// indicators of name+value; numbers are valued; <c>true</c> is an indicator; <c>false</c>/<c>null</c> are omitted;
/// numeric arrays become indexed features in a namespace named by the key; <c>_text</c> is split into word
/// indicators; other keys starting with '_' are ignored (VW reserves them). Odd input is skipped, never thrown on.
/// </summary>
public static class PersonalizerFeatures
{
    private const int MaxDepth = 32;

    public static FeatureSet Parse(IReadOnlyList<JsonElement> featureObjects, IReadOnlySet<string>? excludedFeatures = null)
    {
        ArgumentNullException.ThrowIfNull(featureObjects);
        var builder = new FeatureSetBuilder();
        var walker = new Walker(builder, excludedFeatures);
        foreach (var element in featureObjects)
        {
            if (element.ValueKind == JsonValueKind.Object) walker.Object(element, FeatureSetBuilder.DefaultNamespace, "", 0);
        }

        return builder.Build();
    }

    private sealed class Walker(FeatureSetBuilder builder, IReadOnlySet<string>? excluded)
    {
        public void Object(JsonElement obj, string ns, string prefix, int depth)
        {
            if (depth > MaxDepth) return;
            foreach (var property in obj.EnumerateObject())
            {
                var key = property.Name;
                var path = prefix + key;
                if (key.StartsWith('_'))
                {
                    if (key == "_text" && property.Value.ValueKind == JsonValueKind.String && !IsExcluded(path))
                        Text(property.Value.GetString()!, ns, prefix);
                    continue;
                }

                if (IsExcluded(path)) continue;
                Value(property.Value, key, ns, path, depth);
            }
        }

        private void Value(JsonElement value, string key, string ns, string path, int depth)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Object(value, key, path + ".", depth + 1);
                    break;
                case JsonValueKind.String:
                    builder.AddString(ns, key, value.GetString()!, path + "=" + value.GetString());
                    break;
                case JsonValueKind.Number:
                    if (value.TryGetDouble(out var number)) builder.AddNumber(ns, key, (float)number, path);
                    break;
                case JsonValueKind.True:
                    builder.AddIndicator(ns, key, path);
                    break;
                case JsonValueKind.Array:
                    Array(value, key, path, depth + 1);
                    break;
            }
        }

        private void Array(JsonElement array, string key, string path, int depth)
        {
            if (depth > MaxDepth) return;
            var position = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = $"{path}[{position}]";
                if (!IsExcluded(itemPath))
                {
                    switch (item.ValueKind)
                    {
                        case JsonValueKind.Number when item.TryGetDouble(out var number):
                            builder.AddArrayElement(key, position, (float)number, itemPath);
                            break;
                        case JsonValueKind.Object:
                            Object(item, key, path + ".", depth + 1);
                            break;
                        case JsonValueKind.String:
                            builder.AddIndicator(key, item.GetString()!, path + "=" + item.GetString());
                            break;
                    }
                }

                position++;
            }
        }

        private void Text(string text, string ns, string prefix)
        {
            foreach (var word in text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
                builder.AddIndicator(ns, word, prefix + word);
        }

        /// <summary>A path is excluded when it, or any ancestor path (cut at '.' or '['), is in the set.</summary>
        private bool IsExcluded(string path)
        {
            if (excluded is null || excluded.Count == 0) return false;
            if (excluded.Contains(path)) return true;
            for (var i = path.Length - 1; i > 0; i--)
            {
                if ((path[i] == '.' || path[i] == '[') && excluded.Contains(path[..i])) return true;
            }

            return false;
        }
    }
}
