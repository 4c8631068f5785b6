using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Portal.Contracts.Personalizer;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Contracts.Personalizer;

/// <summary>
/// The context read on its own from a logged request gives the readers (manipulation watch, insights, Why page, panels)
/// exactly the values the whole-request document gave them: same leaves, paths and order; its categories read straight
/// from the text are those leaves' categories.
/// </summary>
public sealed class LoggedContextTests
{
    private static readonly string[] Keys = ["user", "tier", "_text", "_userId", "tags", "ü", "a.b", "contextfeatures", "id"];

    [Fact]
    public void Every_reference_example_gives_the_context_the_whole_document_gives()
    {
        var requests = 0;
        foreach (var file in Directory.GetFiles(SharedReference.Folder("reference", "personalizer-api"), "*.json", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("contextFeatures", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var request in RequestsIn(JsonNode.Parse(text)))
            {
                AssertSameContext(request.ToJsonString(), file);
                requests++;
            }
        }
        Assert.True(requests >= 3, $"only {requests} requests with a context found in the reference examples");
    }

    [Fact]
    public void Random_requests_give_the_context_the_whole_document_gives()
    {
        var leaf = Gen.OneOf(Gen.Elements<JsonNode?>("gold", "65+", "", "a b", null, true, false, 0, 2.5, -1e300));
        var feature = RandomJson.Object(Gen.ListOf(Gen.Zip(Gen.Elements(Keys), RandomJson.Node(9, Keys, leaf))));
        var request = Gen.Zip(Gen.Zip(Gen.ListOf(feature), Gen.Elements("contextFeatures", "ContextFeatures", "context\\u0046eatures")), Gen.Elements(0, 1, 2))
            .Select(t =>
            {
                var ((context, name), place) = t;
                var list = "[" + string.Join(",", context.Select(c => c.ToJsonString())) + "]";
                var actions = """ "actions":[{"id":"a","features":[{"contextFeatures":[{"x":"y"}]}]}] """;
                return place switch
                {
                    0 => $$"""{"{{name}}":{{list}},{{actions}}}""",
                    1 => $$"""{{{actions}},"{{name}}":{{list}},"eventId":"e"}""",
                    _ => $$"""{"{{name}}":"not a list",{{actions}},"{{name}}":{{list}}}""",
                };
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(request), json =>
        {
            AssertSameContext(json, json);
            return true;
        }));
    }

    [Theory]
    [InlineData("""{"actions":[{"id":"a","features":[]}]}""")]
    [InlineData("""[{"contextFeatures":[{"a":"b"}]}]""")]
    [InlineData("\"text\"")]
    [InlineData("""{"contextFeatures":{"a":"b"}}""")]
    public void A_request_without_a_context_list_has_no_context(string json)
    {
        using var context = LoggedContext.Of(json);

        Assert.Empty(context.Features);
    }

    [Fact]
    public void The_bytes_of_a_request_give_the_same_context_as_its_text()
    {
        const string json = """{"contextFeatures":[{"user":{"tier":"gold","country":"DE"}},{"device":{"os":"ios"}}],"actions":[]}""";
        using var fromText = LoggedContext.Of(json);
        using var fromBytes = LoggedContext.Of(Encoding.UTF8.GetBytes(json).AsMemory());

        Assert.Equal(["user.tier=gold", "user.country=DE", "device.os=ios"], Describe(fromBytes.Features));
        Assert.Equal(Describe(fromText.Features), Describe(fromBytes.Features));
    }

    [Theory]
    [InlineData("""{"contextFeatures":[{"user":{"tier":"gold"}},{"device":{"os":"ios"}}],"actions":[]}""", """[{"user":{"tier":"gold"}},{"device":{"os":"ios"}}]""")]
    [InlineData("""{"actions":[],"CONTEXTFEATURES":[{"a":1}]}""", """[{"a":1}]""")]
    [InlineData("""{"actions":[{"id":"a","features":[]}]}""", "[]")]
    [InlineData("""{"eventId": nope, "contextFeatures": [{"a":1}]}""", "[]")]
    public void A_detached_context_is_the_list_as_sent_and_outlives_the_call_and_bad_text_gives_an_empty_list(string json, string expected)
    {
        var context = LoggedContext.Detached(json);
        GC.Collect();

        Assert.Equal(JsonValueKind.Array, context.ValueKind);
        Assert.Equal(expected, context.GetRawText());
    }

    [Theory]
    [InlineData("""{"contextFeatures":[{"a":1e400,"b":-0,"c":123456789012345678901234567890,"d":-1e-400,"e":0.1e1}]}""")]
    [InlineData("""{"contextFeatures":[{"_text":"free words","_text2":"x","t":{"_text":{"no":"words"}},"l":[1,[2],{"m":"n"},false,null,"s",true]}]}""")]
    [InlineData("""{"contextFeatures":[{"k":"\u00fc\"q","k":"twice","\u0061":"escaped key"}]}""")]
    public void Numbers_free_text_lists_and_escapes_are_read_from_the_text_as_the_document_reads_them(string json) =>
        AssertSameContext(json, json);

    [Fact]
    public void Text_that_is_not_json_before_the_context_is_refused_as_before()
    {
        Assert.ThrowsAny<JsonException>(() => LoggedContext.Of("""{"eventId": nope, "contextFeatures": []}"""));
    }

    [Fact]
    public void Categories_deeper_than_the_limit_are_cut_where_the_document_reader_cuts_them()
    {
        for (var depth = 28; depth <= 36; depth++)
        {
            var objects = string.Concat(Enumerable.Range(0, depth).Select(i => $"{{\"t{i}\":\"v{i}\",\"k{i}\":"));
            var lists = string.Concat(Enumerable.Range(0, depth).Select(i => $"{{\"f{i}\":true,\"l{i}\":[\"x{i}\","));
            AssertSameContext($$"""{"contextFeatures":[{{objects}}"end"{{new string('}', depth)}}]}""", $"objects {depth}");
            AssertSameContext($$"""{"contextFeatures":[{{lists}}{}{{string.Concat(Enumerable.Repeat("]}", depth))}}]}""", $"lists {depth}");
        }
    }

    private static void AssertSameContext(string json, string label)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        using var context = LoggedContext.Of(json);
        var expected = FeatureJson.ContextOf(document.RootElement);
        Assert.True(Describe(expected).SequenceEqual(Describe(context.Features)), label);
        var categories = FeatureJson.Leaves(expected).Where(l => l.IsCategory).Select(l => (l.Path, l.Value)).ToList();
        Assert.True(categories.SequenceEqual(LoggedContext.Categories(json)), "categories of " + label);
        var leaves = new List<FeatureLeaf>();
        LoggedContext.Leaves(Encoding.UTF8.GetBytes(json), leaves);
        Assert.True(FeatureJson.Leaves(expected).SequenceEqual(leaves), "leaves of " + label);
    }

    private static List<string> Describe(IReadOnlyList<JsonElement> context) =>
        FeatureJson.Leaves(context).Select(l => $"{l.Path}={l.Value}{(l.InList ? "[]" : "")}").ToList();

    /// <summary>Every object in the example that has a context list (a Rank request, or one inside a multi-slot or evaluation example).</summary>
    private static IEnumerable<JsonObject> RequestsIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Any(p => p.Key.Equals("contextFeatures", StringComparison.OrdinalIgnoreCase) && p.Value is JsonArray)) yield return obj;
                foreach (var (_, value) in obj)
                    foreach (var inner in RequestsIn(value)) yield return inner;
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var inner in RequestsIn(item)) yield return inner;
                break;
        }
    }
}
