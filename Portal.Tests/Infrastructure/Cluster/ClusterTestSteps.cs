using System.Net;
using System.Text.Json;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Cluster;

/// <summary>What the two-node tests do on a node: rank through its API and read what was served.</summary>
internal static class ClusterTestSteps
{
    public const string RankPath = "/personalizer/v1.0/rank";

    /// <summary>A client of <paramref name="node"/> holding the key that <paramref name="api"/> (another node's client) holds.</summary>
    public static HttpClient ApiOf(ClusterNodeFactory node, HttpClient api) =>
        node.CreateApiClient(api.DefaultRequestHeaders.GetValues("Ocp-Apim-Subscription-Key").Single());

    /// <summary>The probability a Rank on this client gives <paramref name="actionId"/>; null when the loop is not served (yet).</summary>
    public static async Task<double?> ProbabilityOfAsync(HttpClient api, string actionId, string? eventId = null)
    {
        var response = await api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: eventId)));
        if (response.StatusCode != HttpStatusCode.Created) return null;
        var ranking = (await response.ReadJsonAsync()).GetProperty("ranking").EnumerateArray();
        return ranking.Single(r => r.GetProperty("id").GetString() == actionId).GetProperty("probability").GetDouble();
    }

    public static string EventIdOf(JsonElement rank) => rank.GetProperty("eventId").GetString()!;
}
