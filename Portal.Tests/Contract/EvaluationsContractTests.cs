using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Portal.Tests.Features.Evaluation.Runs;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Contract;

/// <summary>
/// Drives the Evaluations examples of Personalizer's 2022-09-01-preview specification through the API, each against a
/// fresh loop that has logged a decision: the request as the example sends it (its window moved onto that decision, as
/// the example's 2019 window holds no data here), and the answer's status and JSON shape compared with the example's.
/// </summary>
public sealed class EvaluationsContractTests(EvaluationAppFactory app) : IClassFixture<EvaluationAppFactory>
{
    private static readonly string Examples = SharedReference.Folder("reference", "personalizer-api", "preview-2022-09-01-preview", "examples");

    private static readonly DateTimeOffset WindowStart = DateTimeOffset.UtcNow.AddHours(-1);

    public static TheoryData<string> Files() =>
        ["Evaluations_Create.json", "Evaluations_Get.json", "Evaluations_List.json", "Evaluations_Delete.json", "ServiceConfiguration_ApplyFromEvaluation.json"];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_example_gets_the_documented_status_and_response_shape(string file)
    {
        app.Evaluator.Behaviour = null;
        var example = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Examples, file)))!;
        var parameters = example["parameters"]!;
        var (_, api) = await app.LoopWithActionsAsync();
        var version = "api-version=" + (string)parameters["api-version"]!;

        var response = file switch
        {
            "Evaluations_Create.json" => await api.PutAsync($"/personalizer/evaluations/{parameters["evaluationId"]}?{version}",
                RankPayloads.Json(WithOurWindow(parameters["evaluation"]!).ToJsonString())),
            "Evaluations_Get.json" => await GetAsync(api, version, parameters),
            "Evaluations_List.json" => await ListAsync(api, version, parameters),
            "Evaluations_Delete.json" => await CreateThenAsync(api, version, (string)parameters["evaluationId"]!,
                () => api.DeleteAsync($"/personalizer/evaluations/{parameters["evaluationId"]}?{version}")),
            _ => await CreateThenAsync(api, version, (string)parameters["body"]!["evaluationId"]!,
                () => api.PostAsync($"/personalizer/configurations/applyFromEvaluation?{version}", RankPayloads.Json(parameters["body"]!.ToJsonString()))),
        };

        var expected = example["responses"]!.AsObject().Single();
        Assert.Equal(int.Parse(expected.Key, CultureInfo.InvariantCulture), (int)response.StatusCode);
        if (expected.Value?["body"] is JsonObject body) AssertSameShape(body, JsonNode.Parse(await response.Content.ReadAsStringAsync()), "$");
    }

    private async Task<HttpResponseMessage> GetAsync(HttpClient api, string version, JsonNode parameters)
    {
        var id = (string)parameters["evaluationId"]!;
        await CreateThenAsync(api, version, id, () => Task.FromResult(new HttpResponseMessage()));
        return await api.GetAsync($"/personalizer/evaluations/{id}?{version}&intervalInMinutes={parameters["intervalInMinutes"]}" +
                                  $"&window={parameters["window"]}&startTime={Iso(WindowStart)}&endTime={Iso(DateTimeOffset.UtcNow.AddHours(1))}");
    }

    /// <summary>The example's paging, over enough evaluations that a next page exists (its maxpagesize of 50 made 2).</summary>
    private async Task<HttpResponseMessage> ListAsync(HttpClient api, string version, JsonNode parameters)
    {
        foreach (var id in new[] { "one", "two", "three" }) await CreateAsync(api, version, id);
        return await api.GetAsync($"/personalizer/evaluations?{version}&top={parameters["top"]}&skip={parameters["skip"]}&maxpagesize=2");
    }

    private async Task<HttpResponseMessage> CreateThenAsync(HttpClient api, string version, string id, Func<Task<HttpResponseMessage>> then)
    {
        await CreateAsync(api, version, id);
        await Eventually.TrueAsync(async () => (string?)JsonNode.Parse(await api.GetStringAsync($"/personalizer/evaluations/{id}?{version}"))!["status"] == "Succeeded");
        return await then();
    }

    private static async Task CreateAsync(HttpClient api, string version, string id)
    {
        var create = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Examples, "Evaluations_Create.json")))!["parameters"]!["evaluation"]!;
        var created = await api.PutAsync($"/personalizer/evaluations/{id}?{version}", RankPayloads.Json(WithOurWindow(create).ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    private static JsonNode WithOurWindow(JsonNode evaluation)
    {
        var body = evaluation.DeepClone();
        body["startTime"] = Iso(WindowStart);
        body["endTime"] = Iso(DateTimeOffset.UtcNow.AddSeconds(30));
        return body;
    }

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Every property of the example is present in the answer with the same kind of JSON value.</summary>
    private static void AssertSameShape(JsonNode expected, JsonNode? actual, string path)
    {
        Assert.True(actual is not null, $"{path} is missing");
        Assert.True(Kind(expected) == Kind(actual!), $"{path}: expected {expected.GetValueKind()}, got {actual.GetValueKind()}");
        switch (expected)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "slotId") continue; // multi-slot results: Portal's loops are single-slot
                    Assert.True(actual.AsObject().ContainsKey(name), $"{path}.{name} is missing");
                    if (value is not null) AssertSameShape(value, actual[name], $"{path}.{name}");
                }
                break;
            case JsonArray array when array.Count > 0:
                Assert.NotEmpty(actual.AsArray());
                AssertSameShape(array[0]!, actual.AsArray()[0], $"{path}[0]");
                break;
        }
    }

    private static System.Text.Json.JsonValueKind Kind(JsonNode node) =>
        node.GetValueKind() is System.Text.Json.JsonValueKind.False ? System.Text.Json.JsonValueKind.True : node.GetValueKind();
}
