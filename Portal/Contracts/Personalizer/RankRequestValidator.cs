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

        for (var i = 0; i < actions.Count; i++)
        {
            var problem = ValidateAction(actions, i);
            if (problem is not null) return problem;
        }
        return ValidateFeatureSet(request.ContextFeatures, ContextSet, required: false)
            ?? ValidateExcluded(request.ExcludedActions, actions);
    }

    // Ids are compared pairwise rather than through a set: at most 50 actions, and Rank allocates nothing for it.
    private static string? ValidateAction(IReadOnlyList<RankableAction> actions, int index)
    {
        var action = actions[index];
        if (action is null) return $"actions[{index}] must be an object with an id and features.";
        if (string.IsNullOrEmpty(action.Id)) return $"actions[{index}].id is required.";
        if (action.Id.Length > MaxIdLength) return $"actions[{index}].id is longer than {MaxIdLength} characters.";
        if (IndexOfId(actions, action.Id, index) >= 0) return $"actions[{index}].id '{action.Id}' is used by more than one action.";
        return ValidateFeatureSet(action.Features, index, required: true);
    }

    /// <summary>Called once every action is valid (ids present and distinct).</summary>
    private static string? ValidateExcluded(IReadOnlyList<string>? excluded, IReadOnlyList<RankableAction> actions)
    {
        if (excluded is null) return null;
        for (var i = 0; i < excluded.Count; i++)
        {
            if (excluded[i] is null || IndexOfId(actions, excluded[i], actions.Count) < 0)
                return $"excludedActions[{i}] '{excluded[i]}' is not the id of any action in the request.";
        }
        for (var a = 0; a < actions.Count; a++)
        {
            if (!Contains(excluded, actions[a].Id!)) return null;
        }
        return "excludedActions excludes every action; at least one must remain.";
    }

    /// <summary>The index of the first of the first <paramref name="count"/> actions with this id, or -1.</summary>
    private static int IndexOfId(IReadOnlyList<RankableAction> actions, string id, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(actions[i].Id, id, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static bool Contains(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private const int ContextSet = -1;

    /// <summary>The field name of a feature set: the context's, or action <paramref name="set"/>'s (built only for a message).</summary>
    private static string PathOf(int set) => set == ContextSet ? "contextFeatures" : $"actions[{set}].features";

    private static string? ValidateFeatureSet(IReadOnlyList<JsonElement>? features, int set, bool required)
    {
        if (features is null) return required ? Required(set) : null;
        // Counted by Rank's body reader as it hashed the list (objects only, numbers finite), so its elements are not built.
        if (features is LazyFeatureObjects read) return read.KnownLeaves > MaxFeaturesPerSet ? TooMany(set) : null;
        var count = 0;
        for (var i = 0; i < features.Count; i++)
        {
            if (ItemProblem(features[i], set, i, ref count) is { } problem) return problem;
        }
        return null;
    }

    private static string? ValidateFeatureSet(FeatureList? features, int set, bool required)
    {
        if (features is null) return required ? Required(set) : null;
        // Counted by Rank's body reader as it hashed the set (it leaves sets with other items or non-finite numbers to the serializer).
        if (features.KnownLeaves >= 0) return features.KnownLeaves > MaxFeaturesPerSet ? TooMany(set) : null;
        var count = 0;
        for (var i = 0; i < features.Count; i++)
        {
            if (ItemProblem(features.ElementOf(i), set, i, ref count) is { } problem) return problem;
        }
        return null;
    }

    /// <summary>Item <paramref name="index"/> of a set: an object whose scalars, added to <paramref name="count"/>, stay within the limit and are finite.</summary>
    private static string? ItemProblem(JsonElement item, int set, int index, ref int count)
    {
        if (item.ValueKind != JsonValueKind.Object)
            return $"{PathOf(set)}[{index}] must be a JSON object of features, not {Describe(item.ValueKind)}.";
        return CountLeaves(item, ref count) switch
        {
            LeafProblem.TooMany => TooMany(set),
            LeafProblem.NotFinite => $"{PathOfNonFinite(item, $"{PathOf(set)}[{index}]")} is not a finite number.",
            _ => null,
        };
    }

    private static string Required(int set) => $"{PathOf(set)} is required (an array of feature objects, possibly empty).";

    private static string TooMany(int set) => $"{PathOf(set)} has more than {MaxFeaturesPerSet} features.";

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
