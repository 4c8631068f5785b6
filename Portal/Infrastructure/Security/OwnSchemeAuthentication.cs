using Microsoft.AspNetCore.Authentication;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Endpoint metadata for machine APIs authenticated only by the scheme their policy names (the Decision API's loop
/// key, the oversight API's personal tokens), never by the portal's login cookie. The pipeline does not read the cookie
/// (the default scheme) for them: their policy authenticates its own scheme and replaces the user anyway, so reading
/// it cost every call a cookie handler and changed nothing. Authorization still runs in full.
/// </summary>
public sealed class OwnSchemeAuthentication
{
    public static readonly OwnSchemeAuthentication Instance = new();

    private OwnSchemeAuthentication()
    {
    }

    /// <summary>The key <c>UseAuthentication()</c> leaves in the builder's properties; without it WebApplication adds its own in front.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>Marks every endpoint of the group (see <see cref="OwnSchemeAuthentication"/>).</summary>
    public static TBuilder Require<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Instance);

    /// <summary>
    /// <c>UseAuthentication()</c> for every request except those of marked endpoints (routing has already run: WebApplication
    /// routes first). The framework's own middleware, so remote schemes and the default scheme behave as before elsewhere.
    /// </summary>
    public static IApplicationBuilder UseAuthenticationExceptOwnScheme(IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        var schemes = app.ApplicationServices.GetRequiredService<IAuthenticationSchemeProvider>();
        return app.Use(next =>
        {
            var authentication = new AuthenticationMiddleware(next, schemes);
            return http => http.GetEndpoint()?.Metadata.GetMetadata<OwnSchemeAuthentication>() is null ? authentication.Invoke(http) : next(http);
        });
    }
}
