using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Features.Evaluation.Runs;

/// <summary>The stored JSON of runs: candidates and reports (NaN and infinite bounds kept as named literals).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<StoredCandidate>))]
[JsonSerializable(typeof(StoredReport))]
internal sealed partial class EvaluationRunJsonContext : JsonSerializerContext;
