using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Features.Learning;
using Portal.Features.Segments;

namespace Portal.Tests.Contracts.Personalizer;

/// <summary>The one set of rules by which every page, segment and ticket reads feature JSON.</summary>
public sealed class FeatureJsonTests
{
    private static readonly IReadOnlyList<JsonElement> Visitor = Objects(
        """
        {"user": {"ageBand": "65+", "visits": 7, "share": 0.25, "premium": true, "trial": false, "referrer": null,
                  "tags": ["news", "sport"], "latLong": [47.1, 8.5],
                  "devices": [{"kind": "mobile"}, {"kind": "tablet"}],
                  "_id": "u-123", "_text": "likes long reads"},
         "_meta": {"source": "app"}}
        """,
        """{"time": {"timeOfDay": "evening"}, "huge": 1e400}""");

    [Fact]
    public void Paths_join_keys_with_dots_and_keep_strings_finite_numbers_and_set_flags_in_document_order()
    {
        var leaves = FeatureJson.Leaves(Visitor).Where(l => !l.InList && l.Kind != FeatureValueKind.Words).Select(l => (l.Path, l.Value));

        Assert.Equal([("user.ageBand", "65+"), ("user.visits", "7"), ("user.share", "0.25"), ("user.premium", "true"), ("time.timeOfDay", "evening")], leaves);
    }

    [Fact]
    public void False_null_and_numbers_beyond_double_are_absent_as_the_learner_omits_them()
    {
        var paths = FeatureJson.Leaves(Visitor).Select(l => l.Path).ToHashSet();

        Assert.DoesNotContain("user.trial", paths);
        Assert.DoesNotContain("user.referrer", paths);
        Assert.DoesNotContain("huge", paths);
    }

    [Fact]
    public void A_lists_scalars_are_values_of_the_lists_path_and_its_objects_stand_at_that_path()
    {
        var listed = FeatureJson.Leaves(Visitor).Where(l => l.InList).Select(l => (l.Path, l.Value));
        var devices = FeatureJson.Leaves(Visitor).Where(l => l.Path == "user.devices.kind").Select(l => l.Value);

        Assert.Equal([("user.tags", "news"), ("user.tags", "sport"), ("user.latLong", "47.1"), ("user.latLong", "8.5"),
            ("user.devices.kind", "mobile"), ("user.devices.kind", "tablet")], listed);
        Assert.Equal(["mobile", "tablet"], devices);
    }

    [Fact]
    public void Reserved_keys_are_skipped_except_free_text()
    {
        var leaves = FeatureJson.Leaves(Visitor);

        Assert.DoesNotContain(leaves, l => l.Path.Contains("_id") || l.Path.StartsWith("_meta", StringComparison.Ordinal));
        var text = Assert.Single(leaves, l => l.Kind == FeatureValueKind.Words);
        Assert.Equal(("user._text", "likes long reads"), (text.Path, text.Value));
        Assert.False(text.IsCategory);
    }

    [Fact]
    public void Texts_and_flags_are_categories_numbers_are_not()
    {
        var categories = ContextFeatures.Categories(Visitor).ToList();

        Assert.Equal([("user.ageBand", "65+"), ("user.premium", "true"), ("user.tags", "news"), ("user.tags", "sport"),
            ("user.devices.kind", "mobile"), ("user.devices.kind", "tablet"), ("time.timeOfDay", "evening")], categories);
    }

    [Fact]
    public void Values_as_deep_as_the_limit_are_read_and_deeper_ones_are_not_by_the_walker_nor_by_a_segment()
    {
        var atLimit = Objects(Nested(FeatureJson.MaxDepth, """{"x": "kept"}"""));
        var beyond = Objects(Nested(FeatureJson.MaxDepth + 1, """{"x": "dropped"}"""));
        var limitPath = string.Join('.', Enumerable.Repeat("n", FeatureJson.MaxDepth)) + ".x";
        var beyondPath = string.Join('.', Enumerable.Repeat("n", FeatureJson.MaxDepth + 1)) + ".x";

        Assert.Equal(limitPath, Assert.Single(FeatureJson.Leaves(atLimit)).Path);
        Assert.Empty(FeatureJson.Leaves(beyond));
        Assert.True(SegmentOf(limitPath, "kept").Matches(atLimit));
        Assert.False(SegmentOf(beyondPath, "dropped").Matches(beyond));
    }

    [Fact]
    public void Every_value_the_walker_yields_is_one_a_segment_can_match_and_nothing_else_is()
    {
        foreach (var leaf in FeatureJson.Leaves(Visitor))
        {
            Assert.True(SegmentOf(leaf.Path, leaf.Value).Matches(Visitor), $"{leaf.Path} = {leaf.Value}");
            Assert.False(SegmentOf(leaf.Path, leaf.Value + "-other").Matches(Visitor), $"{leaf.Path} = {leaf.Value}-other");
        }
        Assert.False(SegmentOf("user.trial", "false").Matches(Visitor));
        Assert.False(SegmentOf("user._id", "u-123").Matches(Visitor));
        Assert.False(SegmentOf("_meta.source", "app").Matches(Visitor));
    }

    [Fact]
    public void The_walker_names_the_features_the_learner_learns_from()
    {
        var set = PersonalizerFeatures.Parse(Visitor);
        var learned = Enumerable.Range(0, set.Count).Select(set.LabelAt)
            .Where(l => !l.Key.StartsWith("likes", StringComparison.Ordinal) && l.Key is not "long" and not "reads") // _text's words
            .Select(l => l.Prefix.Length == 0 ? l.Key : l.Prefix + "." + l.Key).ToHashSet();
        var walked = FeatureJson.Leaves(Visitor).Where(l => l.Kind != FeatureValueKind.Words).Select(l => l.Path).ToHashSet();

        Assert.Equal(walked.Order(), learned.Order());
    }

    [Fact]
    public void Testing_a_segment_allocates_nothing_so_rank_can_do_it_on_every_call()
    {
        var segment = SegmentPredicate.Compile(new SegmentDefinition(SegmentMatch.All,
            [new("user.tags", ConditionOperator.In, ["sport"]), new("user.visits", ConditionOperator.Range, Min: 3), new("user.devices.kind", ConditionOperator.Equals, ["tablet"])]));
        Assert.True(segment.Matches(Visitor));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) segment.Matches(Visitor);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_context_of_a_logged_request_is_found_whatever_the_case_of_its_name()
    {
        using var request = JsonDocument.Parse("""{"ContextFeatures": [{"a": "b"}], "actions": []}""");

        Assert.Equal("b", FeatureJson.Leaves(FeatureJson.ContextOf(request.RootElement)).Single().Value);
        Assert.Empty(FeatureJson.ContextOf(JsonDocument.Parse("[]").RootElement));
    }

    private static SegmentPredicate SegmentOf(string path, string value) =>
        SegmentPredicate.Compile(new SegmentDefinition(SegmentMatch.All, [new(path, ConditionOperator.Equals, [value])]));

    private static string Nested(int levels, string inner) =>
        string.Concat(Enumerable.Repeat("""{"n": """, levels)) + inner + new string('}', levels);

    private static IReadOnlyList<JsonElement> Objects(params string[] json) =>
        json.Select(j => JsonDocument.Parse(j).RootElement.Clone()).ToList();
}
