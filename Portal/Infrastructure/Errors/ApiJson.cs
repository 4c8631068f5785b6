using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Portal.Infrastructure.Errors;

/// <summary>
/// JSON of the oversight API (<c>/api/v1</c>): camelCase names, enums as camelCase strings, nulls left out. Not a hot
/// path, so reflection-based; the Decision API keeps its source-generated contexts.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static IResult Ok<T>(T value, int status = StatusCodes.Status200OK) => TypedResults.Json(value, Info<T>(), statusCode: status);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // JSON for machines, never embedded in HTML: keep '+', '<' and quotes readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }
}
