using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Portal.Infrastructure.Errors;

namespace Portal.Infrastructure.Web;

/// <summary>Reads a size-limited JSON body and turns every way it can be wrong into Personalizer's 400/413.</summary>
public static class JsonBody
{
    public readonly record struct Parsed<T>(T? Value, string? RawJson, IResult? Error);

    public static async Task<Parsed<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, string errorCode, bool keepRaw, CancellationToken ct)
        where T : class
    {
        using var body = await RequestBody.ReadAsync(request, ct);
        if (body is null) return new(null, null, ApiResults.TooLarge(RequestBody.MaxBytes));
        return Parse(body.Span, type, errorCode, keepRaw);
    }

    /// <summary>A body already read: the value, or Personalizer's 400 naming what is wrong.</summary>
    public static Parsed<T> Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type, string errorCode, bool keepRaw)
        where T : class
    {
        if (body.Length == 0) return new(null, null, ApiResults.BadRequest(errorCode, "The request body is empty; a JSON object is required."));
        try
        {
            var value = JsonSerializer.Deserialize(body, type);
            if (value is null) return new(null, null, ApiResults.BadRequest(errorCode, "The request body must be a JSON object, not null."));
            return new(value, keepRaw ? System.Text.Encoding.UTF8.GetString(body) : null, null);
        }
        catch (JsonException error)
        {
            return new(null, null, ApiResults.BadRequest(errorCode, $"The request body is not valid: {Describe(error)}"));
        }
    }

    private static string Describe(JsonException error) =>
        error.Message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal) && error.Path is { Length: > 0 } at
            ? $"the value at {at} has the wrong type or is not one of the allowed values."
            : error.Path is { Length: > 0 } path && !error.Message.Contains("Path:", StringComparison.Ordinal)
                ? $"{error.Message} (at {path})"
                : error.Message;
}
