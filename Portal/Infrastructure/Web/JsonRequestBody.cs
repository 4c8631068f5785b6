using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Infrastructure.Web;

/// <summary>
/// Documents an endpoint's JSON body in the OpenAPI document without <c>Accepts</c>, which would make routing
/// answer 415 (with no error body, and before the API key is checked) to clients that omit the content type.
/// The handler reads and validates the body itself.
/// </summary>
public sealed record JsonRequestBody(Type Type);

public static class JsonRequestBodyExtensions
{
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new JsonRequestBody(typeof(T)));

    public static OpenApiOptions AddJsonRequestBodies(this OpenApiOptions options) =>
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBody>().FirstOrDefault();
            if (body is null) return;
            var schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
