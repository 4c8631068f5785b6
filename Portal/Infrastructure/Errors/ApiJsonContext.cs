using System.Text.Json.Serialization;

namespace Portal.Infrastructure.Errors;

[JsonSerializable(typeof(ApiError))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
