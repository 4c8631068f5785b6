using System.Text.Json.Serialization;

namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's PolicyResult.</summary>
public sealed record PolicyResultResponse(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Arguments,
    string PolicySource,
    SummaryResponse Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeSeriesResponse? Timeseries);
