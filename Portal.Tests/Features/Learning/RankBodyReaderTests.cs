using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Portal.Contracts.DecisionLog;
using Portal.Contracts.Personalizer;
using Portal.Features.Learning;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Learning;

/// <summary>
/// Rank's one-pass reader either declines (the serializer then reads the body, as before) or reads exactly what the
/// serializer reads and hashes exactly what <see cref="RequestFeatures.Of"/> hashes from it: the same ids, eventId,
/// exclusions, flag and feature JSON, the same validation answer, the same hashes, values and names, with the loop's
/// audit-only context features left out alike.
/// </summary>
public sealed class RankBodyReaderTests
{
    private static readonly string[] BodyKeys = ["actions", "contextFeatures", "excludedActions", "eventId", "EVENTID", "id", "features", "deferActivation", "x"];
    private static readonly string[] FeatureKeys = ["user", "age", "tier", "_text", "_reserved", "tags", "a b", "ü", "42", "latLong", "e\"q"];
    private static readonly HashSet<string> AuditOnly = new(["user.age", "tags", "latLong[1]", "tier"], StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Every_rank_request_of_the_reference_examples_is_read_and_hashed_as_before()
    {
        var bodies = 0;
        foreach (var file in Directory.GetFiles(SharedReference.Folder("reference", "personalizer-api"), "*Rank.json", SearchOption.AllDirectories))
        {
            var parameters = JsonNode.Parse(File.ReadAllText(file))!["parameters"]!.AsObject();
            foreach (var (_, value) in parameters)
            {
                if (value is JsonObject body && body.ContainsKey("actions") && !body.ContainsKey("slots"))
                {
                    AssertReadAsSerializer(body.ToJsonString(), AuditOnly, mustRead: true);
                    bodies++;
                }
            }
        }
        Assert.True(bodies >= 2, $"only {bodies} Rank bodies found in the reference examples");
    }

    [Fact]
    public void Random_well_formed_bodies_are_read_and_hashed_as_before_with_and_without_audit_only_features()
    {
        var property = Prop.ForAll(Arb.From(Gen.Zip(Gen.Sized(size => Body(Math.Min(size, 8))), Gen.Elements(true, false))), pair =>
        {
            var (body, escapeAll) = pair;
            var json = escapeAll ? body.ToJsonString() : body.ToJsonString(Raw);
            AssertReadAsSerializer(json, null, mustRead: true);
            AssertReadAsSerializer(json, AuditOnly, mustRead: true);
            return true.Label(json);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void The_actions_list_the_reader_finds_is_the_one_the_log_puts_back_byte_for_byte()
    {
        var property = Prop.ForAll(Arb.From(Gen.Sized(size => Body(Math.Min(size, 8)))), body =>
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(Raw));
            using var read = RankBodyReader.TryRead(bytes, auditOnlyFeatures: null);
            var found = LoggedRequest.ActionsValue(bytes);
            Assert.NotNull(read?.ActionsText);
            Assert.Equal(found, read.ActionsText);
            // The row the log writer stores: the list's place holds [] (ActionListStore).
            var (start, length) = read.ActionsText!.Value.GetOffsetAndLength(bytes.Length);
            var row = bytes[..start].Concat("[]"u8.ToArray()).Concat(bytes[(start + length)..]).ToArray();
            Assert.Equal(bytes, LoggedRequest.Joined(row, bytes.AsSpan(start, length)));
            Assert.Equal(Encoding.UTF8.GetString(bytes), LoggedRequest.Joined(Encoding.UTF8.GetString(row), Encoding.UTF8.GetString(bytes, start, length)));
            return true.Label(Encoding.UTF8.GetString(bytes));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void Random_odd_bodies_are_declined_or_read_exactly_as_the_serializer_reads_them()
    {
        var property = Prop.ForAll(Arb.From(Gen.Sized(size => RandomJson.Node(Math.Min(size, 20), BodyKeys, Leaf())).Select(Mutated)), body =>
        {
            AssertReadAsSerializer(body, AuditOnly, mustRead: false);
            return true.Label(body);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    [Theory]
    [InlineData("""{"actions":[{"id":"a","features":[{"x":1e999}]}]}""")]
    [InlineData("""{"actions":[{"id":"a","features":["x"]}]}""")]
    [InlineData("""{"contextFeatures":[1],"actions":[{"id":"a","features":[]}]}""")]
    [InlineData("""{"actions":[null]}""")]
    [InlineData("""{"actions":[{"id":"a","id":"b","features":[]}]}""")]
    [InlineData("""{"act\u0069ons":[{"id":"a","features":[]}]}""")]
    [InlineData("""{"actions":[{"id":"a","features":[]}]} x""")]
    [InlineData("""{"actions":[{"id":"a","features":[{"x":1}]""")]
    [InlineData("""{"actions":[{"id":5,"features":[]}]}""")]
    [InlineData("""{"deferActivation":"yes","actions":[]}""")]
    public void Declines_what_only_the_serializer_can_answer(string body)
    {
        Assert.Null(RankBodyReader.TryRead(Encoding.UTF8.GetBytes(body), null));
    }

    [Fact]
    public void A_set_of_exactly_the_limit_is_read_with_its_count_and_one_more_is_left_to_the_serializer_and_validation()
    {
        static string Body(int leaves) => $$"""{"actions":[{"id":"a","features":[{"_skipped":{{Leaves(leaves - 1)}}},{"x":null,"y":false}]}]}""";
        static string Leaves(int n) => "[" + string.Join(",", Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "1" : "\"s\"")) + "]";

        using var atLimit = RankBodyReader.TryRead(Encoding.UTF8.GetBytes(Body(RankRequestValidator.MaxFeaturesPerSet)), null);
        var overLimit = Body(RankRequestValidator.MaxFeaturesPerSet + 1);

        Assert.NotNull(atLimit);
        Assert.Equal(RankRequestValidator.MaxFeaturesPerSet, atLimit.Request.Actions![0].Features!.KnownLeaves);
        Assert.Null(RankRequestValidator.Validate(atLimit.Request));
        Assert.Null(RankBodyReader.TryRead(Encoding.UTF8.GetBytes(overLimit), null));
        Assert.Equal($"actions[0].features has more than {RankRequestValidator.MaxFeaturesPerSet} features.",
            RankRequestValidator.Validate(JsonSerializer.Deserialize(overLimit, PersonalizerJsonContext.Default.RankRequest)!));
    }

    /// <summary>Three reads: the actions list is new, then kept, then shared (<c>RepeatedActionLists</c>); each as the serializer reads it.</summary>
    private static void AssertReadAsSerializer(string body, IReadOnlySet<string>? auditOnly, bool mustRead)
    {
        for (var i = 0; i < 3; i++) AssertReadOnceAsSerializer(body, auditOnly, mustRead);
    }

    private static void AssertReadOnceAsSerializer(string body, IReadOnlySet<string>? auditOnly, bool mustRead)
    {
        using var read = RankBodyReader.TryRead(Encoding.UTF8.GetBytes(body), auditOnly);
        if (read is null)
        {
            Assert.False(mustRead, $"declined: {body}");
            return;
        }
        var expected = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
        Assert.Equal(expected.EventId, read.Request.EventId);
        Assert.Equal(expected.DeferActivation, read.Request.DeferActivation);
        Assert.Equal(expected.ExcludedActions, read.Request.ExcludedActions);
        Assert.Equal(Texts(expected.ContextFeatures), Texts(read.Request.ContextFeatures));
        Assert.Equal(expected.Actions?.Select(Text), read.Request.Actions?.Select(Text));
        Assert.Equal(RankRequestValidator.Validate(expected), RankRequestValidator.Validate(read.Request));
        var hashed = RequestFeatures.Of(expected, auditOnly);
        AssertSame(hashed.Context, read.Features.Context, body);
        Assert.Equal(hashed.Actions.Length, read.Features.Actions.Length);
        for (var i = 0; i < hashed.Actions.Length; i++) AssertSame(hashed.Actions[i], read.Features.Actions[i], body);
    }

    [Fact]
    public void An_actions_list_sent_again_is_read_once_and_shared_and_whatever_surrounds_it_is_still_read()
    {
        var list = $$$"""[{"id":"{{{Guid.NewGuid():N}}}","features":[{"item":{"price":5,"tags":["a","b"]}}]},{"id":"b","features":[{"promo":{"kind":"k"}}]}]""";
        var before = $$$"""{"contextFeatures":[{"user":{"tier":"gold"}}],"actions":{{{list}}},"eventId":"e-1"}""";
        var after = $$$"""{"actions":{{{list}}},"excludedActions":["b"],"contextFeatures":[{"device":{"os":"linux"}}],"deferActivation":true}""";

        AssertReadAsSerializer(before, null, mustRead: true);
        using var first = RankBodyReader.TryRead(Encoding.UTF8.GetBytes(before), null);
        using var second = RankBodyReader.TryRead(Encoding.UTF8.GetBytes(after), null);
        var oneByteMore = RankBodyReader.TryRead(Encoding.UTF8.GetBytes(after.Replace("\"kind\":\"k\"", "\"kind\":\"kk\"")), null);

        Assert.Same(first!.Request.Actions, second!.Request.Actions);
        Assert.Same(first.Features.Actions, second.Features.Actions);
        Assert.NotSame(first.Features.Actions, oneByteMore!.Features.Actions);
        oneByteMore.Dispose();
        AssertReadOnceAsSerializer(after, AuditOnly, mustRead: true);
        Assert.Equal("linux", second.Request.ContextFeatures![0].GetProperty("device").GetProperty("os").GetString());
        // What follows a shared list is read as strictly as ever: a body cut short or with text after it is declined.
        Assert.Null(RankBodyReader.TryRead(Encoding.UTF8.GetBytes($$$"""{"actions":{{{list}}}"""), null));
        Assert.Null(RankBodyReader.TryRead(Encoding.UTF8.GetBytes($$$"""{"actions":{{{list}}},"actions":[]}"""), null));
        Assert.Null(RankBodyReader.TryRead(Encoding.UTF8.GetBytes($$$"""{"actions":{{{list}}}} x"""), null));
    }

    private static string Text(RankableAction? action) =>
        action is null ? "null" : action.Id + "|" + (action.Features is not { } f ? "none"
            : string.Join(",", Enumerable.Range(0, f.Count).Select(i => f.KindOf(i) + ":" + Encoding.UTF8.GetString(f.Utf8Of(i)))));

    private static string? Texts(IReadOnlyList<JsonElement>? elements) =>
        elements is null ? null : string.Join(",", elements.Select(e => e.ValueKind + ":" + e.GetRawText()));

    private static void AssertSame(FeatureSet expected, FeatureSet actual, string body)
    {
        static string Describe(FeatureSet set) => string.Join(", ", Enumerable.Range(0, set.Count).Select(i => $"{set.NameAt(i)}:{set.Hashes[i]}:{set.Values[i]}"));
        var same = expected.GroupIndex.AsSpan().SequenceEqual(actual.GroupIndex) && expected.GroupStart.AsSpan().SequenceEqual(actual.GroupStart)
            && expected.Hashes.AsSpan().SequenceEqual(actual.Hashes) && expected.Values.AsSpan().SequenceEqual(actual.Values)
            && Enumerable.Range(0, expected.Count).All(i => expected.NameAt(i) == actual.NameAt(i));
        Assert.True(same, $"{body}: expected [{Describe(expected)}] but got [{Describe(actual)}]");
    }

    /// <summary>A well-formed body: random feature objects in the context and in 1–5 actions, the optional fields, names in any case.</summary>
    private static Gen<JsonObject> Body(int size) =>
        from context in FeatureObjects(size)
        from actions in Gen.Choose(1, 5).SelectMany(n => Gen.ListOf(FeatureObjects(size), n))
        from upper in Gen.Elements(false, true)
        from eventId in Gen.Elements<string?>(null, "e-1", "é")
        from defer in Gen.Elements(false, true)
        select Assemble(context, actions, upper, eventId, defer);

    private static JsonObject Assemble(IEnumerable<JsonObject> context, IEnumerable<IEnumerable<JsonObject>> actions, bool upper, string? eventId, bool defer)
    {
        string Name(string name) => upper ? name.ToUpperInvariant() : name;
        var list = new JsonArray();
        var i = 0;
        foreach (var features in actions) list.Add(new JsonObject { [Name("id")] = $"a{i++}", [Name("features")] = new JsonArray([.. features]) });
        var body = new JsonObject { [Name("contextFeatures")] = new JsonArray([.. context]), [Name("actions")] = list, ["unknown"] = new JsonObject { ["x"] = new JsonArray(1, 2) } };
        if (eventId is not null) body[Name("eventId")] = eventId;
        if (defer) body[Name("deferActivation")] = true;
        if (i > 1) body[Name("excludedActions")] = new JsonArray("a0");
        return body;
    }

    private static Gen<IEnumerable<JsonObject>> FeatureObjects(int size) =>
        Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(FeatureObject(size), n)).Select(list => (IEnumerable<JsonObject>)list);

    private static Gen<JsonObject> FeatureObject(int size) =>
        RandomJson.Object(Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Elements(FeatureKeys), RandomJson.Node(size, FeatureKeys, Leaf())), n)));

    private static Gen<JsonNode?> Leaf() => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Elements(0.0, 1e39, -3.5, 1e-46, 7, 0.5).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Elements("gold", "a b|c:d", " 123 ", "naïve café", "tab\there", "").Select(s => (JsonNode?)JsonValue.Create(s)));

    /// <summary>A valid body with one of its properties replaced by random JSON (any type, any shape).</summary>
    private static string Mutated(JsonNode? replacement)
    {
        var body = RankPayloads.Valid(3);
        var keys = body.Select(p => p.Key).Append("eventId").Append("excludedActions").ToArray();
        body[keys[Math.Abs(replacement?.ToJsonString().Length ?? 0) % keys.Length]] = replacement?.DeepClone();
        return body.ToJsonString();
    }
}
