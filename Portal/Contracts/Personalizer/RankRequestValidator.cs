using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// Checks a Rank request against Personalizer's rules before anything is learned or logged.
/// Returns the first problem as a message that names the field, or null when the request is valid.
/// </summary>
public static class RankRequestValidator
{
    public const int MaxActions = 50;
    public const int MaxIdLength = 256;
    public const int MaxFeaturesPerSet = 1_000;

    public static string? Validate(RankRequest request)
    {
        if (request.EventId is { } eventId && (eventId.Length == 0 || eventId.Length > MaxIdLength))
            return $"eventId must be between 1 and {MaxIdLength} characters long.";
        if (request.Actions is not { Count: > 0 } actions)
            return "actions must contain at least one action.";
        if (actions.Count > MaxActions)
            return $"actions has {actions.Count} actions; at most {MaxActions} are allowed.";

        var ids = new HashSet<string>(actions.Count, StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var problem = ValidateAction(actions[i], i, ids);
            if (problem is not null) return problem;
        }
        return ValidateFeatureSet(request.ContextFeatures, "contextFeatures", required: false)
            ?? ValidateExcluded(request.ExcludedActions, ids);
    }

    private static string? ValidateAction(RankableAction? action, int index, HashSet<string> ids)
    {
        if (action is null) return $"actions[{index}] must be an object with an id and features.";
        if (string.IsNullOrEmpty(action.Id)) return $"actions[{index}].id is required.";
        if (action.Id.Length > MaxIdLength) return $"actions[{index}].id is longer than {MaxIdLength} characters.";
        if (!ids.Add(action.Id)) return $"actions[{index}].id '{action.Id}' is used by more than one action.";
        return ValidateFeatureSet(action.Features, $"actions[{index}].features", required: true);
    }

    private static string? ValidateExcluded(IReadOnlyList<string>? excluded, HashSet<string> ids)
    {
        if (excluded is null) return null;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < excluded.Count; i++)
        {
            if (excluded[i] is null || !ids.Contains(excluded[i]))
                return $"excludedActions[{i}] '{excluded[i]}' is not the id of any action in the request.";
            distinct.Add(excluded[i]);
        }
        return distinct.Count == ids.Count ? "excludedActions excludes every action; at least one must remain." : null;
    }

    private static string? ValidateFeatureSet(IReadOnlyList<JsonElement>? features, string path, bool required)
    {
        if (features is null) return required ? $"{path} is required (an array of feature objects, possibly empty)." : null;
        var count = 0;
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].ValueKind != JsonValueKind.Object)
                return $"{path}[{i}] must be a JSON object of features, not {Describe(features[i].ValueKind)}.";
            switch (CountLeaves(features[i], ref count))
            {
                case LeafProblem.TooMany: return $"{path} has more than {MaxFeaturesPerSet} features.";
                case LeafProblem.NotFinite: return $"{PathOfNonFinite(features[i], $"{path}[{i}]")} is not a finite number.";
            }
        }
        return null;
    }

    private enum LeafProblem { None, TooMany, NotFinite }

    /// <summary>Counts the scalar features under <paramref name="element"/> without allocating.</summary>
    private static LeafProblem CountLeaves(JsonElement element, ref int count)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var problem = CountLeaves(property.Value, ref count);
                    if (problem != LeafProblem.None) return problem;
                }
                return LeafProblem.None;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    var problem = CountLeaves(item, ref count);
                    if (problem != LeafProblem.None) return problem;
                }
                return LeafProblem.None;
            case JsonValueKind.Number when !IsFinite(element):
                return LeafProblem.NotFinite;
            case JsonValueKind.Null:
                return LeafProblem.None;
            default:
                return ++count > MaxFeaturesPerSet ? LeafProblem.TooMany : LeafProblem.None;
        }
    }

    /// <summary>Only on error: the path of the first non-finite number under <paramref name="element"/>.</summary>
    private static string? PathOfNonFinite(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (PathOfNonFinite(property.Value, $"{path}.{property.Name}") is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (PathOfNonFinite(item, $"{path}[{index++}]") is { } found) return found;
                }
                return null;
            case JsonValueKind.Number:
                return IsFinite(element) ? null : path;
            default:
                return null;
        }
    }

    private static bool IsFinite(JsonElement number) => number.TryGetDouble(out var value) && double.IsFinite(value);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
