using System.Globalization;
using System.Text.Json;

namespace Portal.Features.Insights.Catalog;

/// <summary>
/// The feature paths of Personalizer feature JSON, named as the learner names them (<c>user.ageBand</c>,
/// <c>interests.sports</c>; arrays by their key, without index), each with a value as text when it has one.
/// Keys starting with '_' are reserved and skipped, except <c>_text</c>.
/// </summary>
public static class FeaturePaths
{
    private const int MaxDepth = 8;

    public readonly record struct Leaf(string Path, string? Value, bool IsNumber, bool IsArray = false);

    /// <summary>The contextFeatures of a logged Rank request (property names as the API reads them: case-insensitive).</summary>
    public static IReadOnlyList<JsonElement> ContextOf(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object) return [];
        foreach (var property in request.EnumerateObject())
        {
            if (property.Name.Equals("contextFeatures", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                return property.Value.EnumerateArray().ToList();
        }
        return [];
    }

    public static List<Leaf> Collect(IReadOnlyList<JsonElement> featureObjects)
    {
        var leaves = new List<Leaf>();
        foreach (var item in featureObjects)
        {
            if (item.ValueKind == JsonValueKind.Object) Walk(item, "", leaves, 0);
        }
        return leaves;
    }

    private static void Walk(JsonElement obj, string prefix, List<Leaf> leaves, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name.StartsWith('_') && property.Name != "_text") continue;
            var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Walk(value, path, leaves, depth + 1);
                    break;
                case JsonValueKind.String:
                    leaves.Add(new Leaf(path, value.GetString(), false));
                    break;
                case JsonValueKind.Number:
                    leaves.Add(new Leaf(path, value.TryGetDouble(out var number) ? number.ToString("G6", CultureInfo.InvariantCulture) : null, true));
                    break;
                case JsonValueKind.True:
                    leaves.Add(new Leaf(path, null, false));
                    break;
                case JsonValueKind.Array:
                    leaves.Add(new Leaf(path, null, value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Number), IsArray: true));
                    break;
            }
        }
    }
}
