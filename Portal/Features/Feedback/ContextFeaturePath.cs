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
}
