using System.Text.Json;
using Portal.Features.Segments;

namespace Portal.Tests.Features.Segments;

public sealed class SegmentPredicateTests
{
    private static readonly IReadOnlyList<JsonElement> Visitor = Context(
        """{"user":{"ageBand":"65+","country":"DE","visits":7,"premium":true,"tags":["news","sport"]}}""",
        """{"time":{"timeOfDay":"evening"}}""");

    [Theory]
    [InlineData("user.ageBand", "65+", true)]
    [InlineData("user.ageBand", "65", false)]
    [InlineData("user.visits", "7", true)]
    [InlineData("user.visits", "7.0", true)]
    [InlineData("user.premium", "true", true)]
    [InlineData("user.premium", "false", false)]
    [InlineData("time.timeOfDay", "evening", true)]
    [InlineData("user.tags", "sport", true)]
    [InlineData("user.missing", "x", false)]
    [InlineData("user", "65+", false)]
    public void Equals_compares_strings_exactly_numbers_numerically_and_flags_as_true_or_false(string feature, string value, bool matches) =>
        Assert.Equal(matches, Matches(new(SegmentMatch.All, [new(feature, ConditionOperator.Equals, [value])])));

    [Fact]
    public void In_matches_any_listed_value()
    {
        Assert.True(Matches(new(SegmentMatch.All, [new("user.country", ConditionOperator.In, ["AT", "DE"])])));
        Assert.False(Matches(new(SegmentMatch.All, [new("user.country", ConditionOperator.In, ["AT", "CH"])])));
    }

    [Theory]
    [InlineData(5.0, 10.0, true)]
    [InlineData(7.0, 7.0, true)]
    [InlineData(null, 6.0, false)]
    [InlineData(8.0, null, false)]
    public void Range_includes_its_bounds_and_may_be_open(double? min, double? max, bool matches) =>
        Assert.Equal(matches, Matches(new(SegmentMatch.All, [new("user.visits", ConditionOperator.Range, Min: min, Max: max)])));

    [Fact]
    public void A_range_never_matches_a_text_feature() =>
        Assert.False(Matches(new(SegmentMatch.All, [new("user.country", ConditionOperator.Range, Min: 0)])));

    [Fact]
    public void All_needs_every_condition_and_any_needs_one()
    {
        SegmentCondition[] conditions = [new("user.ageBand", ConditionOperator.Equals, ["65+"]), new("user.country", ConditionOperator.Equals, ["FR"])];

        Assert.False(Matches(new(SegmentMatch.All, conditions)));
        Assert.True(Matches(new(SegmentMatch.Any, conditions)));
    }

    [Fact]
    public void Definitions_round_trip_through_json_and_describe_themselves_in_words()
    {
        var definition = new SegmentDefinition(SegmentMatch.All,
            [new("user.ageBand", ConditionOperator.Equals, ["65+"]), new("user.visits", ConditionOperator.Range, Min: 3)]);

        Assert.True(SegmentJson.TryRead(SegmentJson.Write(definition), out var read, out var error), error);
        Assert.Equal(SegmentJson.Write(definition), SegmentJson.Write(read!));
        Assert.Equal("user.ageBand = 65+ and user.visits in [3, ∞]", SegmentJson.Describe(read!));
    }

    [Theory]
    [InlineData("""{"match":"all","conditions":[]}""", "at least one condition")]
    [InlineData("""{"match":"all","conditions":[{"feature":"","op":"equals","values":["x"]}]}""", "Condition 1: choose a feature")]
    [InlineData("""{"match":"all","conditions":[{"feature":"a","op":"equals","values":["x","y"]}]}""", "Condition 1: equals needs exactly one value")]
    [InlineData("""{"match":"any","conditions":[{"feature":"a","op":"in","values":["x"]},{"feature":"b","op":"range"}]}""", "Condition 2: a range needs")]
    [InlineData("""{"match":"all","conditions":[{"feature":"a","op":"range","min":5,"max":1}]}""", "the minimum is greater than the maximum")]
    [InlineData("""{"match":"all","conditions":[{"feature":"a","op":"like","values":["x"]}]}""", "not valid JSON")]
    public void A_bad_definition_is_refused_with_a_message_naming_the_condition(string json, string expected)
    {
        Assert.False(SegmentJson.TryRead(json, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Every_text_value_a_lists_too_and_every_set_flag_of_a_context_is_an_automatic_segment()
    {
        var categories = ContextFeatures.Categories(Visitor).ToList();

        Assert.Equal([("user.ageBand", "65+"), ("user.country", "DE"), ("user.premium", "true"), ("user.tags", "news"), ("user.tags", "sport"),
            ("time.timeOfDay", "evening")], categories);
    }

    private static bool Matches(SegmentDefinition definition) => SegmentPredicate.Compile(definition).Matches(Visitor);

    private static IReadOnlyList<JsonElement> Context(params string[] objects) =>
        objects.Select(o => JsonDocument.Parse(o).RootElement.Clone()).ToList();
}
