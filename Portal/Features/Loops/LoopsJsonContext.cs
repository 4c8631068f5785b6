using System.Text.Json.Serialization;

namespace Portal.Features.Loops;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ServiceConfigurationContract))]
[JsonSerializable(typeof(PolicyContract))]
internal sealed partial class LoopsJsonContext : JsonSerializerContext;
