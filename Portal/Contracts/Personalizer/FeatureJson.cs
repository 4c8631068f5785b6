using System.Globalization;
using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// Personalizer feature JSON (a list of objects, <c>[{"user": {"ageBand": "65+"}}, …]</c>) read as the learner reads
/// it, so that every page, segment and ticket names the same features with the same values:
/// <list type="bullet">
/// <item>a feature's path is its keys joined by '.' (<c>user.ageBand</c>); an object opens a level;</item>
/// <item>strings, finite numbers and <c>true</c> are values; <c>false</c> and <c>null</c> are absent;</item>
/// <item>a list's scalars are values of the list's path (<c>user.tags</c> = news, sport); objects in a list are read
/// as if they stood at the list's path;</item>
/// <item>keys starting with '_' are reserved and skipped, except <c>_text</c>, free text the learner splits into
/// words;</item>
/// <item>nothing deeper than <see cref="MaxDepth"/> levels is read. Odd input is skipped, never thrown on.</item>
/// </list>
/// </summary>
public static class FeatureJson
{
    public const int MaxDepth = 32;

    /// <summary>The one reserved key that is read: free text.</summary>
    public const string TextKey = "_text";

    /// <summary>Keys starting with '_' are reserved (as in Vowpal Wabbit), except <see cref="TextKey"/>.</summary>
    public static bool IsReservedKey(string key) => key.StartsWith('_') && key != TextKey;

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

    /// <summary>Every value of the feature objects with its path, in document order.</summary>
    public static List<FeatureLeaf> Leaves(IReadOnlyList<JsonElement> featureObjects)
    {
        var leaves = new List<FeatureLeaf>();
        foreach (var item in featureObjects)
        {
            if (item.ValueKind == JsonValueKind.Object) Walk(item, "", leaves, 0, inList: false);
        }
        return leaves;
    }

    /// <summary>Every value of a JSON array of feature objects (anything else has none).</summary>
    public static List<FeatureLeaf> Leaves(JsonElement featureArray) =>
        featureArray.ValueKind == JsonValueKind.Array ? Leaves(featureArray.EnumerateArray().ToList()) : [];

    /// <summary>
    /// Whether any value at the path (split at '.') passes the test: the path in any of the objects, any scalar of a
    /// list there. Allocation-free, so Rank can test segment rules on every call.
    /// </summary>
    public static bool AnyValue<TTest>(IReadOnlyList<JsonElement> featureObjects, string[] path, TTest test) where TTest : IFeatureValueTest
    {
        if (!IsReadablePath(path)) return false;
        for (var i = 0; i < featureObjects.Count; i++)
        {
            if (featureObjects[i].ValueKind == JsonValueKind.Object && Find(featureObjects[i], path, 0, test, 0)) return true;
        }
        return false;
    }

    /// <summary>A path names a feature this reader yields only if no part is empty or reserved.</summary>
    public static bool IsReadablePath(string[] path)
    {
        if (path.Length == 0) return false;
        foreach (var key in path)
        {
            if (key.Length == 0 || IsReservedKey(key)) return false;
        }
        return true;
    }

    private static void Walk(JsonElement obj, string prefix, List<FeatureLeaf> leaves, int depth, bool inList)
    {
        if (depth > MaxDepth) return;
        foreach (var property in obj.EnumerateObject())
        {
            var key = property.Name;
            if (IsReservedKey(key)) continue;
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            var value = property.Value;
            if (key == TextKey)
            {
                if (value.ValueKind == JsonValueKind.String) leaves.Add(new FeatureLeaf(path, FeatureValueKind.Words, value.GetString(), 0, inList));
                continue;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Walk(value, path, leaves, depth + 1, inList);
                    break;
                case JsonValueKind.Array when depth + 1 <= MaxDepth:
                    foreach (var element in value.EnumerateArray())
                    {
                        if (element.ValueKind == JsonValueKind.Object) Walk(element, path, leaves, depth + 2, inList: true);
                        else if (Leaf(path, element, inList: true) is { } leaf) leaves.Add(leaf);
                    }
                    break;
                default:
                    if (Leaf(path, value, inList) is { } scalar) leaves.Add(scalar);
                    break;
            }
        }
    }

    private static FeatureLeaf? Leaf(string path, JsonElement value, bool inList) => value.ValueKind switch
    {
        JsonValueKind.String => new FeatureLeaf(path, FeatureValueKind.String, value.GetString(), 0, inList),
        JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => new FeatureLeaf(path, FeatureValueKind.Number, null, number, inList),
        JsonValueKind.True => new FeatureLeaf(path, FeatureValueKind.True, null, 0, inList),
        _ => null,
    };

    private static bool Find<TTest>(JsonElement obj, string[] path, int step, TTest test, int depth) where TTest : IFeatureValueTest
    {
        if (depth > MaxDepth || !obj.TryGetProperty(path[step], out var child)) return false;
        var last = step == path.Length - 1;
        if (path[step] == TextKey) return last && child.ValueKind == JsonValueKind.String && test.Holds(child);
        if (last) return child.ValueKind == JsonValueKind.Array ? depth + 1 <= MaxDepth && AnyElement(child, test) : IsValue(child) && test.Holds(child);
        switch (child.ValueKind)
        {
            case JsonValueKind.Object:
                return Find(child, path, step + 1, test, depth + 1);
            case JsonValueKind.Array when depth + 1 <= MaxDepth:
                foreach (var element in child.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.Object && Find(element, path, step + 1, test, depth + 2)) return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static bool AnyElement<TTest>(JsonElement list, TTest test) where TTest : IFeatureValueTest
    {
        foreach (var element in list.EnumerateArray())
        {
            if (IsValue(element) && test.Holds(element)) return true;
        }
        return false;
    }

    private static bool IsValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.True => true,
        JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsFinite(number),
        _ => false,
    };
}

/// <summary>What a value is: text, a set flag, a number, or free text (<c>_text</c>).</summary>
public enum FeatureValueKind
{
    String,
    True,
    Number,
    Words,
}

/// <summary>One value of feature JSON at its path; <see cref="InList"/> when it is one of a list's values (or in an object in a list).</summary>
public readonly record struct FeatureLeaf(string Path, FeatureValueKind Kind, string? Text, double Number, bool InList)
{
    /// <summary>The value as text: numbers round-trip (<c>7</c>, <c>0.25</c>), a set flag is <c>true</c>.</summary>
    public string Value => Kind switch
    {
        FeatureValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        FeatureValueKind.True => "true",
        _ => Text!,
    };

    /// <summary>Texts and flags name groups of people (<c>user.ageBand = 65+</c>); numbers and free text do not.</summary>
    public bool IsCategory => Kind is FeatureValueKind.String or FeatureValueKind.True;
}

/// <summary>A test of one scalar feature value (a string, a finite number or <c>true</c>).</summary>
public interface IFeatureValueTest
{
    bool Holds(JsonElement value);
}
