using System.Text.Json;

namespace Portal.Features.Segments;

/// <summary>
/// Reads context features by their dotted path (<c>user.ageBand</c>) from Personalizer's contextFeatures, a list of
/// JSON objects. Allocation-free, so Rank can test segment rules on every call.
/// </summary>
public static class ContextFeatures
{
    /// <summary>Finds the first value at the path in any of the context objects.</summary>
    public static bool TryGet(IReadOnlyList<JsonElement> context, string[] path, out JsonElement value)
    {
        for (var i = 0; i < context.Count; i++)
        {
            if (TryGet(context[i], path, out value)) return true;
        }
        value = default;
        return false;
    }

    private static bool TryGet(JsonElement element, string[] path, out JsonElement value)
    {
        value = element;
        for (var i = 0; i < path.Length; i++)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(path[i], out value)) return false;
        }
        return true;
    }

    /// <summary>
    /// The categorical values of a context: every string (and every flag set to true) with its path, e.g.
    /// <c>("user.ageBand", "65+")</c>. Each is an automatic segment. Numbers are not categories.
    /// </summary>
    public static IEnumerable<(string Feature, string Value)> Categories(IReadOnlyList<JsonElement> context)
    {
        var found = new List<(string, string)>();
        foreach (var item in context)
        {
            if (item.ValueKind == JsonValueKind.Object) Collect(item, "", found, 0);
        }
        return found;
    }

    private static void Collect(JsonElement obj, string prefix, List<(string, string)> found, int depth)
    {
        if (depth > 8) return;
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name.StartsWith('_')) continue;
            var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    found.Add((path, property.Value.GetString()!));
                    break;
                case JsonValueKind.True:
                    found.Add((path, "true"));
                    break;
                case JsonValueKind.Object:
                    Collect(property.Value, path, found, depth + 1);
                    break;
            }
        }
    }
}
