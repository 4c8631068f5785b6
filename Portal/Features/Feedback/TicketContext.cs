using System.Text.Json;

namespace Portal.Features.Feedback;

/// <summary>
/// The context features of a ticket's decision as rows: texts and flags (as "true"/"false") by value, numbers as
/// numbers, each element of a list as a value of its own; the same paths and values that segments test.
/// </summary>
public static class TicketContext
{
    public const int MaxValues = 200;
    private const int MaxDepth = 8;

    public readonly record struct Value(string Feature, string? Text, double? Number);

    public static IReadOnlyList<Value> ValuesOf(JsonElement contextFeatures)
    {
        var values = new List<Value>();
        if (contextFeatures.ValueKind != JsonValueKind.Array) return values;
        foreach (var item in contextFeatures.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object) Collect(item, "", values, 0);
        }
        return values;
    }

    private static void Collect(JsonElement obj, string prefix, List<Value> values, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var property in obj.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (path.Length > 200) continue;
            if (property.Value.ValueKind == JsonValueKind.Object) Collect(property.Value, path, values, depth + 1);
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in property.Value.EnumerateArray()) Add(path, element, values);
            }
            else Add(path, property.Value, values);
        }
    }

    private static void Add(string path, JsonElement element, List<Value> values)
    {
        if (values.Count >= MaxValues) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.String when element.GetString() is { Length: <= 256 } text:
                values.Add(new Value(path, text, null));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                values.Add(new Value(path, element.ValueKind == JsonValueKind.True ? "true" : "false", null));
                break;
            case JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number):
                values.Add(new Value(path, null, number));
                break;
        }
    }
}
