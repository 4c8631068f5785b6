using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Rank request bodies for tests.</summary>
public static class RankPayloads
{
    public static JsonObject Valid(int actions = 3, string? eventId = null, bool defer = false)
    {
        var body = new JsonObject
        {
            ["contextFeatures"] = new JsonArray(new JsonObject { ["user"] = new JsonObject { ["ageBand"] = "25-34", ["visits"] = 3 } }),
            ["actions"] = new JsonArray(Enumerable.Range(0, actions)
                .Select(i => (JsonNode)new JsonObject
                {
                    ["id"] = $"action-{i}",
                    ["features"] = new JsonArray(new JsonObject { ["article"] = new JsonObject { ["topic"] = $"topic-{i}", ["length"] = i + 1 } }),
                }).ToArray()),
            ["deferActivation"] = defer,
        };
        if (eventId is not null) body["eventId"] = eventId;
        return body;
    }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<(string Code, string Message)> ReadErrorAsync(this HttpResponseMessage response)
    {
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }
}
