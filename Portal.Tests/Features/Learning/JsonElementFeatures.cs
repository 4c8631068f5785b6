using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

/// <summary>
/// The feature reader as it was before features were hashed from UTF-8 bytes: JsonElement trees, property-name and
/// value strings. Kept here, unchanged, as the specification the bytes path must match exactly.
/// </summary>
internal static class JsonElementFeatures
{
    private const int MaxDepth = FeatureJson.MaxDepth;

    public static FeatureSet Parse(IReadOnlyList<JsonElement> featureObjects, IReadOnlySet<string>? excludedFeatures = null)
    {
        var builder = new FeatureSetBuilder();
        var walker = new Walker(builder, excludedFeatures is { Count: > 0 } ? excludedFeatures : null);
        for (var i = 0; i < featureObjects.Count; i++)
        {
            if (featureObjects[i].ValueKind == JsonValueKind.Object) walker.Object(featureObjects[i], FeatureSetBuilder.DefaultNamespace, "", 0);
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
                if (FeatureJson.IsReservedKey(key)) continue;
                if (key == FeatureJson.TextKey)
                {
                    if (property.Value.ValueKind == JsonValueKind.String && !IsExcluded(prefix, key)) Text(property.Value.GetString()!, ns, prefix);
                    continue;
                }

                if (!IsExcluded(prefix, key)) Value(property.Value, key, ns, prefix, depth);
            }
        }

        private void Value(JsonElement value, string key, string ns, string prefix, int depth)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Object(value, key, Join(prefix, key), depth + 1);
                    break;
                case JsonValueKind.String:
                    var text = value.GetString()!;
                    builder.AddString(ns, key, text, new FeatureLabel(prefix, key, text));
                    break;
                case JsonValueKind.Number:
                    if (value.TryGetDouble(out var number)) builder.AddNumber(ns, key, (float)number, new FeatureLabel(prefix, key));
                    break;
                case JsonValueKind.True:
                    builder.AddIndicator(ns, key, new FeatureLabel(prefix, key));
                    break;
                case JsonValueKind.Array:
                    Array(value, key, prefix, depth + 1);
                    break;
            }
        }

        private void Array(JsonElement array, string key, string prefix, int depth)
        {
            if (depth > MaxDepth) return;
            var position = 0;
            foreach (var item in array.EnumerateArray())
            {
                var label = new FeatureLabel(prefix, key, null, position);
                if (excluded is null || !excluded.Contains(label.Path))
                {
                    switch (item.ValueKind)
                    {
                        case JsonValueKind.Number when item.TryGetDouble(out var number):
                            builder.AddArrayElement(key, position, (float)number, label);
                            break;
                        case JsonValueKind.Object:
                            Object(item, key, Join(prefix, key), depth + 1);
                            break;
                        case JsonValueKind.String:
                            var text = item.GetString()!;
                            builder.AddIndicator(key, text, new FeatureLabel(prefix, key, text));
                            break;
                    }
                }

                position++;
            }
        }

        private void Text(string text, string ns, string prefix)
        {
            foreach (var word in text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
                builder.AddIndicator(ns, word, new FeatureLabel(prefix, word));
        }

        private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + "." + key;

        /// <summary>A path is excluded when it, or any ancestor path (cut at '.'), is in the set.</summary>
        private bool IsExcluded(string prefix, string key)
        {
            if (excluded is null) return false;
            var path = Join(prefix, key);
            if (excluded.Contains(path)) return true;
            for (var i = path.Length - 1; i > 0; i--)
            {
                if (path[i] == '.' && excluded.Contains(path[..i])) return true;
            }

            return false;
        }
    }
}
