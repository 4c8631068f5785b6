namespace Portal.Infrastructure.Security;

public static class TokenApiRoutes
{
    /// <summary>The authentication scheme of personal API tokens (its handler lives with the accounts).</summary>
    public const string SchemeName = "ApiToken";

    /// <summary>
    /// The oversight API's route group: <c>/api/v1</c>, authenticated only by personal API tokens (never by the portal's
    /// cookie, so a browser session cannot be used against it), open to people with a Portal role; each endpoint then
    /// names the policy it needs.
    /// </summary>
    public static RouteGroupBuilder MapTokenApiGroup(this IEndpointRouteBuilder app, string tag) =>
        OwnSchemeAuthentication.Require(app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(SchemeName)
                .RequireAuthenticatedUser().RequireRole(PortalRoles.All))
            .WithTags(tag));
}
