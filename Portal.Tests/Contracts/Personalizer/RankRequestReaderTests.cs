using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Portal.Contracts.Personalizer;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Contracts.Personalizer;

/// <summary>
/// Rank's one-document reader either declines (the serializer then reads the body, as before) or reads exactly what
/// the serializer reads: the same ids, eventId, exclusions, flag and feature JSON, and so the same validation answer.
/// </summary>
public sealed class RankRequestReaderTests
{
    private static readonly string[] Keys = ["actions", "contextFeatures", "excludedActions", "eventId", "EVENTID", "id", "features", "deferActivation", "x"];

    [Fact]
    public void Reads_the_reference_example_and_well_formed_bodies_itself()
    {
        var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(
            SharedReference.Folder("reference", "personalizer-api", "stable-v1.0", "examples"), "Rank.json")));
        var bodies = new[]
        {
            example.RootElement.GetProperty("parameters").GetProperty("rankRequest").GetRawText(),
            RankPayloads.Valid(5, eventId: "e-1", defer: true).ToJsonString(),
            """{"ACTIONS":[{"Id":"a","Features":[]}],"contextFeatures":null,"excludedActions":[],"unknown":{"x":[1]}}""",
        };
        foreach (var body in bodies)
        {
            using var parsed = RankRequestReader.TryRead(Encoding.UTF8.GetBytes(body));
            Assert.NotNull(parsed);
            AssertSameAsSerializer(body, parsed.Request);
        }
    }

    [Theory]
    [InlineData("""{"actions":"a"}""")]
    [InlineData("""{"eventId":5,"actions":[]}""")]
    [InlineData("""{"eventId":"a","eventId":"b","actions":[]}""")]
    [InlineData("""{"event\u0049d":"a","actions":[]}""")]
    [InlineData("""{"deferActivation":null,"actions":[]}""")]
    [InlineData("""[1]""")]
    [InlineData("""{"actions":[1]}""")]
    [InlineData("""{"actions":[]""")]
    public void Declines_what_only_the_serializer_can_answer(string body)
    {
        Assert.Null(RankRequestReader.TryRead(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Random_bodies_are_declined_or_read_exactly_as_the_serializer_reads_them()
    {
        var property = Prop.ForAll(Arb.From(Gen.Sized(size => Node(Math.Min(size, 20))).Select(Mutated)), body =>
        {
            using var parsed = RankRequestReader.TryRead(Encoding.UTF8.GetBytes(body));
            if (parsed is not null) AssertSameAsSerializer(body, parsed.Request);
            using var logged = RankRequestReader.TryRead(body);
            if (logged is not null) AssertSameAsSerializer(body, logged.Request);
            return true.Label(body);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    private static string Mutated(JsonNode? replacement)
    {
        var body = RankPayloads.Valid(3);
        var keys = body.Select(p => p.Key).Append("eventId").Append("excludedActions").ToArray();
        body[keys[Math.Abs(replacement?.ToJsonString().Length ?? 0) % keys.Length]] = replacement?.DeepClone();
        return body.ToJsonString();
    }

    private static Gen<JsonNode?> Node(int size) => RandomJson.Node(size, Keys, Leaf());

    private static Gen<JsonNode?> Leaf() => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Elements(0.5, 3, -1).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Elements("a", "action-0", "action-1", "", "é").Select(s => (JsonNode?)JsonValue.Create(s)));

    private static void AssertSameAsSerializer(string body, RankRequest read)
    {
        var expected = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
        Assert.Equal(expected.EventId, read.EventId);
        Assert.Equal(expected.DeferActivation, read.DeferActivation);
        Assert.Equal(expected.ExcludedActions, read.ExcludedActions);
        Assert.Equal(Texts(expected.ContextFeatures), Texts(read.ContextFeatures));
        Assert.Equal(expected.Actions?.Select(a => a is null ? "null" : a.Id + "|" + Texts(a.Features)), read.Actions?.Select(a => a is null ? "null" : a.Id + "|" + Texts(a.Features)));
        Assert.Equal(RankRequestValidator.Validate(expected), RankRequestValidator.Validate(read));
    }

    private static string? Texts(IReadOnlyList<JsonElement>? elements) =>
        elements is null ? null : string.Join(",", elements.Select(e => e.ValueKind + ":" + e.GetRawText()));

    private static string? Texts(FeatureList? features) =>
        features is null ? null : string.Join(",", Enumerable.Range(0, features.Count).Select(i => features.KindOf(i) + ":" + Encoding.UTF8.GetString(features.Utf8Of(i))));
}
