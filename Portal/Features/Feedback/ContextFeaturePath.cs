using System.Globalization;
using System.Text.Json;

namespace Portal.Features.Feedback;

/// <summary>
/// Reads one feature from Personalizer context features (<c>[{"user": {"ageBand": "65+"}}, …]</c>) by its dotted path
/// (<c>user.ageBand</c>), the same names the learner's explanations use. The first object that has the path wins.
/// </summary>
public static class ContextFeaturePath
{
    public static string? ValueOf(JsonElement contextFeatures, string path)
    {
        if (contextFeatures.ValueKind != JsonValueKind.Array || string.IsNullOrEmpty(path)) return null;
        var segments = path.Split('.');
        foreach (var featureObject in contextFeatures.EnumerateArray())
        {
            if (Walk(featureObject, segments) is { } value) return value;
        }
        return null;
    }

    private static string? Walk(JsonElement node, string[] segments)
    {
        foreach (var segment in segments)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node)) return null;
        }
        return node.ValueKind switch
        {
            JsonValueKind.String => node.GetString(),
            JsonValueKind.Number => node.TryGetDouble(out var number) ? number.ToString(CultureInfo.InvariantCulture) : node.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>Every scalar feature with its dotted path, in order, for showing a decision's context to people.</summary>
    public static IReadOnlyList<(string Path, string Value)> All(JsonElement contextFeatures)
    {
        var features = new List<(string, string)>();
        if (contextFeatures.ValueKind != JsonValueKind.Array) return features;
        foreach (var featureObject in contextFeatures.EnumerateArray()) Collect(featureObject, "", features, depth: 0);
        return features;
    }

    private static void Collect(JsonElement node, string prefix, List<(string, string)> features, int depth)
    {
        if (depth > 16) return;
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                    Collect(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, features, depth + 1);
                break;
            case JsonValueKind.Array:
                features.Add((prefix, node.GetRawText()));
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                features.Add((prefix, node.ValueKind == JsonValueKind.String ? node.GetString()! : node.GetRawText()));
                break;
        }
    }
}
