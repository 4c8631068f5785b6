using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Benchmarks.Service;

namespace Portal.Benchmarks.Retention;

/// <summary>
/// The loop's logRetentionDays through the Personalizer configuration API, as an administrator's application would
/// change it: the current service configuration, with only that value replaced.
/// </summary>
public sealed class LoopRetention(HttpClient http)
{
    public async Task SetDaysAsync(int days, CancellationToken ct)
    {
        var configuration = await http.GetFromJsonAsync<JsonObject>(PortalClient.SettingsPath, ct)
                            ?? throw new InvalidOperationException("The service configuration came back empty.");
        configuration["logRetentionDays"] = days;
        using var response = await http.PutAsJsonAsync(PortalClient.SettingsPath, configuration, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT {PortalClient.SettingsPath} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
