using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions;

/// <summary>Whatever a client sends, the API answers with a 2xx or 4xx, never a server error.</summary>
public sealed class RandomPayloadPropertyTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] Keys = ["actions", "contextFeatures", "excludedActions", "eventId", "id", "features", "deferActivation", "value", "x", ""];

    private static Gen<JsonNode?> Node(int size) => RandomJson.Node(size, Keys, Leaf());

    private static Gen<JsonNode?> Leaf() => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
        ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements("a", "b", "action-0").Select(s => (JsonNode?)JsonValue.Create(s)));

    /// <summary>Well-formed JSON of any shape, near-valid Rank bodies, and broken text.</summary>
    private static Gen<string> Bodies() => Gen.OneOf(
        Gen.Sized(size => Node(Math.Min(size, 30))).Select(n => n?.ToJsonString() ?? "null"),
        Gen.Sized(size => Node(Math.Min(size, 20))).Select(MutatedValidRank),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Sized(size => Node(Math.Min(size, 20))).Select(n => (n?.ToJsonString() ?? "") + "}"));

    private static string MutatedValidRank(JsonNode? replacement)
    {
        var body = RankPayloads.Valid(3);
        var target = body.Count == 0 ? "actions" : body.Select(p => p.Key).ElementAt(Math.Abs(replacement?.ToJsonString().Length ?? 0) % body.Count);
        body[target] = replacement?.DeepClone();
        return body.ToJsonString();
    }

    [Fact]
    public void Random_rank_reward_and_configuration_payloads_never_produce_a_server_error()
    {
        var api = factory.CreateApiClient();
        var paths = new[]
        {
            (HttpMethod.Post, "/personalizer/v1.0/rank"),
            (HttpMethod.Post, "/personalizer/v1.0/events/some-event/reward"),
            (HttpMethod.Put, "/personalizer/v1.0/configurations/service"),
            (HttpMethod.Put, "/personalizer/v1.0/configurations/policy"),
        };
        var property = Prop.ForAll(Arb.From(Gen.Zip(Bodies(), Gen.Elements(paths))), pair =>
        {
            var (body, (method, path)) = pair;
            var response = api.SendAsync(new HttpRequestMessage(method, path) { Content = RankPayloads.Json(body) }).GetAwaiter().GetResult();
            return ((int)response.StatusCode < 500).Label($"{method} {path} with {body} → {(int)response.StatusCode}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }
}
