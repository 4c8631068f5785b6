using System.Text.Json.Nodes;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Errors;

/// <summary>
/// The OpenAPI document tells client authors which refusals each operation answers, all in Personalizer's error shape
/// (<c>{"error":{"code","message"}}</c>), so that a generated client reads them as errors and not as unknown bodies.
/// </summary>
public sealed class ApiErrorDocumentTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task<JsonObject> DocumentAsync()
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync("/openapi/v1.json");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static IEnumerable<(string Operation, string Status, JsonNode Response)> ErrorResponses(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        from response in operation.Value!["responses"]?.AsObject() ?? []
        where response.Key.Length == 3 && response.Key[0] is '4' or '5'
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", response.Key, response.Value!);

    [Fact]
    public async Task Every_declared_refusal_has_the_error_shape()
    {
        var errors = ErrorResponses(await DocumentAsync()).ToList();

        Assert.True(errors.Count > 50, $"only {errors.Count} refusals declared");
        var otherShape = errors
            .Where(e => e.Response["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/ApiError")
            .Select(e => $"{e.Operation} {e.Status}")
            .ToList();
        Assert.Empty(otherShape);
    }

    [Theory]
    [InlineData("POST /personalizer/v1.0/rank", "400 409 429")]
    [InlineData("GET /api/v1/loops/{loopId}/opt-outs/{userId}", "400 401 403 404")]
    [InlineData("POST /api/v1/privacy/erasures/{id}/run-again", "401 403 404 409")]
    [InlineData("PUT /api/v1/loops/{loopId}/kill-switch", "400 401 403 404 409")]
    public async Task An_operation_declares_the_refusals_it_answers(string operation, string statuses)
    {
        var declared = ErrorResponses(await DocumentAsync()).Where(e => e.Operation == operation).Select(e => e.Status).Order();

        Assert.Equal(statuses.Split(' '), declared);
    }
}
