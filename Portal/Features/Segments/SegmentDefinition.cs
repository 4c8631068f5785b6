using System.Text.Json.Serialization;

namespace Portal.Features.Segments;

public enum SegmentMatch
{
    /// <summary>Every condition holds (and).</summary>
    All,

    /// <summary>At least one condition holds (or).</summary>
    Any,
}

public enum ConditionOperator
{
    /// <summary>The feature has this value (strings exactly; numbers numerically; "true" for a set flag: false is absent, as the learner sees it).</summary>
    Equals,

    /// <summary>The feature has one of these values.</summary>
    In,

    /// <summary>The feature is a number within [min, max]; either bound may be open.</summary>
    Range,
}

/// <summary>One test of a context feature, named by its dotted path (<c>user.ageBand</c>).</summary>
public sealed record SegmentCondition(
    string Feature,
    [property: JsonPropertyName("op")] ConditionOperator Operator,
    IReadOnlyList<string>? Values = null,
    double? Min = null,
    double? Max = null);

/// <summary>A segment's predicate: conditions joined by and (<see cref="SegmentMatch.All"/>) or or (<see cref="SegmentMatch.Any"/>).</summary>
public sealed record SegmentDefinition(SegmentMatch Match, IReadOnlyList<SegmentCondition> Conditions)
{
    public const int MaxConditions = 20;
    public const int MaxValues = 100;
    public const int MaxFeatureLength = 200;
    public const int MaxValueLength = 256;

    /// <summary>A one-condition segment: the automatic segment of a categorical value.</summary>
    public static SegmentDefinition Is(string feature, string value) =>
        new(SegmentMatch.All, [new SegmentCondition(feature, ConditionOperator.Equals, [value])]);
}
