using System.Globalization;
using System.Text;

namespace Portal.Benchmarks.Service;

/// <summary>The three writes of the benchmarks against one server: Rank, Reward and a settings edit.</summary>
public sealed class PortalClient(HttpClient http)
{
    public const string RankPath = "personalizer/v1.0/rank";
    public const string SettingsPath = "personalizer/v1.0/configurations/service";

    public static HttpClient CreateHttp(ServerSettings settings)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        var http = new HttpClient(handler) { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", settings.ApiKey);
        return http;
    }

    public Task<Reply> RankAsync(string eventId, int variant, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, RankPath, RankBody.Content(eventId, variant), ct);

    public Task<Reply> RewardAsync(string eventId, double value, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"personalizer/v1.0/events/{Uri.EscapeDataString(eventId)}/reward", Json(string.Create(CultureInfo.InvariantCulture, $$"""{"value":{{value}}}""")), ct);

    /// <summary>A portal edit through EF Core: exploration alternates so that every call changes the row.</summary>
    public Task<Reply> EditSettingsAsync(int iteration, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, SettingsPath, Json($$"""
            {"rewardWaitTime":"PT10M","defaultReward":0,"rewardAggregation":"earliest","explorationPercentage":{{(iteration % 2 == 0 ? "0.2" : "0.3")}},"modelExportFrequency":"PT1M","logRetentionDays":30}
            """), ct);

    private async Task<Reply> SendAsync(HttpMethod method, string path, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, ct);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
