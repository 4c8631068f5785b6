using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Contracts.DecisionLog;

/// <summary>A decision's Rank request as it was logged (the body the application sent), read back.</summary>
public static class LoggedRequest
{
    /// <summary>The request, or null when the logged text cannot be read as one (never thrown on).</summary>
    public static RankRequest? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.RankRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
