using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Features.Segments;

/// <summary>Reads, checks and writes segment definitions as JSON (storage, rules and the API share this form).</summary>
public static class SegmentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(SegmentDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>Stored definitions were checked when saved; a damaged one matches nothing rather than failing a page.</summary>
    public static SegmentDefinition ReadStored(string json) =>
        TryRead(json, out var definition, out _) ? definition! : new SegmentDefinition(SegmentMatch.Any, []);

    public static bool TryRead(string json, out SegmentDefinition? definition, out string? error)
    {
        definition = null;
        try
        {
            definition = JsonSerializer.Deserialize<SegmentDefinition>(json, Options);
        }
        catch (JsonException e)
        {
            error = $"The segment definition is not valid JSON: {e.Message}";
            return false;
        }
        error = definition is null ? "The segment definition is empty." : Problem(definition);
        return error is null;
    }

    /// <summary>What is wrong with a definition, naming the condition; null when it is fine.</summary>
    public static string? Problem(SegmentDefinition definition)
    {
        if (definition.Conditions is not { Count: > 0 } conditions) return "A segment needs at least one condition.";
        if (conditions.Count > SegmentDefinition.MaxConditions) return $"A segment has at most {SegmentDefinition.MaxConditions} conditions.";
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i] is null) return $"Condition {i + 1} is empty.";
            if (ConditionProblem(conditions[i]) is { } problem) return $"Condition {i + 1}: {problem}";
        }
        return null;
    }

    private static string? ConditionProblem(SegmentCondition condition)
    {
        if (string.IsNullOrWhiteSpace(condition.Feature)) return "choose a feature (its dotted path, e.g. user.ageBand).";
        if (condition.Feature.Length > SegmentDefinition.MaxFeatureLength) return $"the feature path is longer than {SegmentDefinition.MaxFeatureLength} characters.";
        var values = condition.Values ?? [];
        if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > SegmentDefinition.MaxValueLength))
            return $"give the value (at most {SegmentDefinition.MaxValueLength} characters).";
        return condition.Operator switch
        {
            ConditionOperator.Equals when values.Count != 1 => "equals needs exactly one value.",
            ConditionOperator.In when values.Count is 0 or > SegmentDefinition.MaxValues => $"in needs 1 to {SegmentDefinition.MaxValues} values.",
            ConditionOperator.Range when condition.Min is null && condition.Max is null => "a range needs a minimum, a maximum or both.",
            ConditionOperator.Range when condition.Min is { } min && condition.Max is { } max && min > max => "the minimum is greater than the maximum.",
            ConditionOperator.Range when condition.Min is { } min && !double.IsFinite(min) || condition.Max is { } max && !double.IsFinite(max) => "the bounds must be finite numbers.",
            _ => null,
        };
    }

    /// <summary>The definition in words: <c>user.ageBand = 65+ and user.visits in [3, 10]</c>.</summary>
    public static string Describe(SegmentDefinition definition) =>
        string.Join(definition.Match == SegmentMatch.All ? " and " : " or ", definition.Conditions.Select(Describe));

    private static string Describe(SegmentCondition c) => c.Operator switch
    {
        ConditionOperator.Equals => $"{c.Feature} = {c.Values?.FirstOrDefault()}",
        ConditionOperator.In => $"{c.Feature} in ({string.Join(", ", c.Values ?? [])})",
        _ => $"{c.Feature} in [{c.Min?.ToString("G", System.Globalization.CultureInfo.InvariantCulture) ?? "-∞"}, {c.Max?.ToString("G", System.Globalization.CultureInfo.InvariantCulture) ?? "∞"}]",
    };
}
