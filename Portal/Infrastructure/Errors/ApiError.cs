using System.Text.Json.Serialization;

namespace Portal.Infrastructure.Errors;

/// <summary>Personalizer's error body: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
public sealed record ApiError([property: JsonPropertyName("error")] ApiErrorDetail Error)
{
    public ApiError(string code, string message) : this(new ApiErrorDetail(code, message)) { }
}

public sealed record ApiErrorDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
