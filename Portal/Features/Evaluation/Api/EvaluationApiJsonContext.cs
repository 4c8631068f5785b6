using System.Text.Json.Serialization;

namespace Portal.Features.Evaluation.Api;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(EvaluationContract))]
[JsonSerializable(typeof(PolicyReferenceContract))]
[JsonSerializable(typeof(EvaluationResponse))]
[JsonSerializable(typeof(EvaluationsResponse))]
internal sealed partial class EvaluationApiJsonContext : JsonSerializerContext;
