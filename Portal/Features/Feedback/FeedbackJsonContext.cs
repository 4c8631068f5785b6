using System.Text.Json.Serialization;

namespace Portal.Features.Feedback;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DecisionSnapshot))]
internal sealed partial class FeedbackJsonContext : JsonSerializerContext;
