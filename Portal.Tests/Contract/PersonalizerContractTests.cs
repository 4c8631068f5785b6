using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Contract;

/// <summary>
/// Drives every request/response example of Personalizer's v1.0 specification (for the operations Portal serves)
/// through the API, each against a fresh loop, and checks the status and the JSON shape of the answer.
/// </summary>
public class PersonalizerContractTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Dictionary<string, (string Method, string Path, string? BodyParameter)> Operations = new()
    {
        ["Rank.json"] = ("POST", "rank", "rankRequest"),
        ["Events_Reward.json"] = ("POST", "events/{eventId}/reward", "reward"),
        ["Events_Activate.json"] = ("POST", "events/{eventId}/activate", null),
        ["ServiceConfiguration_Get.json"] = ("GET", "configurations/service", null),
        ["ServiceConfiguration_Update.json"] = ("PUT", "configurations/service", "config"),
        ["Policy_Get.json"] = ("GET", "configurations/policy", null),
        ["Policy_Update.json"] = ("PUT", "configurations/policy", "policy"),
        ["Policy_Reset.json"] = ("DELETE", "configurations/policy", null),
        ["Log_GetProperties.json"] = ("GET", "logs/properties", null),
        ["Log_Delete.json"] = ("DELETE", "logs", null),
    };

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedReference.Folder("reference", "personalizer-api", "stable-v1.0", "examples"), "*.json").Order())
        {
            if (Operations.ContainsKey(Path.GetFileName(file))) data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void Every_example_of_an_operation_Portal_serves_is_covered()
    {
        Assert.Equal(Operations.Count, Examples().Count);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_gets_the_documented_status_and_response_shape(string exampleFile)
    {
        var example = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(SharedReference.Folder("reference", "personalizer-api", "stable-v1.0", "examples"), exampleFile)))!;
        var (method, path, bodyParameter) = Operations[exampleFile];
        var parameters = example["parameters"]!;
        var eventId = parameters["eventId"]?.GetValue<string>() ?? "contract-event";
        var api = await ClientForFreshLoopAsync(eventId);

        var request = new HttpRequestMessage(new HttpMethod(method), "/personalizer/v1.0/" + path.Replace("{eventId}", eventId));
        if (bodyParameter is not null) request.Content = RankPayloads.Json(parameters[bodyParameter]!.ToJsonString());
        var response = await api.SendAsync(request);

        var expected = example["responses"]!.AsObject().Single(r => r.Key != "default");
        Assert.Equal(int.Parse(expected.Key), (int)response.StatusCode);
        if (expected.Value?["body"] is JsonObject expectedBody)
        {
            var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            AssertSameShape(expectedBody, actual, "$");
        }
    }

    /// <summary>Every property of the example is present in the answer with the same kind of JSON value.</summary>
    private static void AssertSameShape(JsonNode expected, JsonNode? actual, string path)
    {
        Assert.True(actual is not null, $"{path} is missing");
        Assert.True(KindOf(expected) == KindOf(actual!),
            $"{path}: expected {expected.GetValueKind()}, got {actual.GetValueKind()}");
        switch (expected)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Assert.True(actual.AsObject().ContainsKey(name), $"{path}.{name} is missing");
                    // Optional strings (e.g. logMirrorSasUri) are null when the loop never set them.
                    if (value is null || actual[name] is null && value.GetValueKind() == JsonValueKind.String) continue;
                    AssertSameShape(value, actual[name], $"{path}.{name}");
                }
                break;
            case JsonArray array when array.Count > 0:
                Assert.NotEmpty(actual.AsArray());
                AssertSameShape(array[0]!, actual.AsArray()[0], $"{path}[0]");
                break;
        }
    }

    /// <summary>True and False are one kind: a boolean.</summary>
    private static JsonValueKind KindOf(JsonNode node) =>
        node.GetValueKind() is JsonValueKind.False ? JsonValueKind.True : node.GetValueKind();

    /// <summary>A loop of its own, already holding one ranked event (so rewards, activation and log properties have data).</summary>
    private async Task<HttpClient> ClientForFreshLoopAsync(string eventId)
    {
        var (_, api) = await factory.CreateLoopAsync();
        var rank = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, eventId)));
        Assert.Equal(HttpStatusCode.Created, rank.StatusCode);
        return api;
    }
}

/// <summary>The Personalizer contract on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class PersonalizerContractOnPostgresTests(PostgresPortalAppFactory factory) : PersonalizerContractTests(factory), IClassFixture<PostgresPortalAppFactory>;
