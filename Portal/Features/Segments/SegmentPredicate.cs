using System.Globalization;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Segments;

/// <summary>
/// A segment definition compiled for fast, allocation-free matching against a decision's context: paths split once,
/// numeric values parsed once. Immutable, so Rank and every page can share one.
/// </summary>
public sealed class SegmentPredicate
{
    private readonly bool matchAll;
    private readonly Condition[] conditions;

    private SegmentPredicate(SegmentDefinition definition)
    {
        Definition = definition;
        matchAll = definition.Match == SegmentMatch.All;
        conditions = definition.Conditions.Select(c => new Condition(c)).ToArray();
    }

    public SegmentDefinition Definition { get; }

    public static SegmentPredicate Compile(SegmentDefinition definition) => new(definition);

    public bool Matches(IReadOnlyList<JsonElement> context)
    {
        if (conditions.Length == 0) return false;
        foreach (var condition in conditions)
        {
            var holds = condition.Holds(context);
            if (holds != matchAll) return holds;
        }
        return matchAll;
    }

    private sealed class Condition : IFeatureValueTest
    {
        private readonly string[] path;
        private readonly ConditionOperator op;
        private readonly string[] values;
        private readonly double?[] numbers;
        private readonly double min;
        private readonly double max;

        public Condition(SegmentCondition condition)
        {
            path = condition.Feature.Split('.');
            op = condition.Operator;
            values = (condition.Values ?? []).ToArray();
            numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null).ToArray();
            min = condition.Min ?? double.NegativeInfinity;
            max = condition.Max ?? double.PositiveInfinity;
        }

        /// <summary>Any value at the path (one of a list's values too) in the segment puts the context in it.</summary>
        public bool Holds(IReadOnlyList<JsonElement> context) => FeatureJson.AnyValue(context, path, this);

        public bool Holds(JsonElement value)
        {
            if (op == ConditionOperator.Range) return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var x) && x >= min && x <= max;
            for (var i = 0; i < values.Length; i++)
            {
                if (Equal(value, i)) return true;
            }
            return false;
        }

        private bool Equal(JsonElement value, int i) => value.ValueKind switch
        {
            JsonValueKind.String => value.ValueEquals(values[i]),
            JsonValueKind.Number => numbers[i] is { } n && value.TryGetDouble(out var x) && x == n,
            JsonValueKind.True => values[i] == "true",
            _ => false,
        };
    }
}
