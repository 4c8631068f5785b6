using Microsoft.AspNetCore.Authorization;
using Portal.Infrastructure.Security;

namespace Portal.Features.Loops;

/// <summary>The policy of the Decision API and the loop that the caller's key opened.</summary>
public static class LoopClient
{
    public const string Policy = "LoopClient";

    public static void AddPolicy(AuthorizationOptions options) =>
        options.AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(LoopKeyAuthenticationHandler.SchemeName)
            .RequireClaim(LoopKeyAuthenticationHandler.LoopClaim));

    /// <summary>The loop of an authorized Decision API request.</summary>
    public static LoopRuntime Loop(this HttpContext http) =>
        http.Items[typeof(LoopRuntime)] as LoopRuntime
        ?? throw new InvalidOperationException("The endpoint is missing the LoopClient policy.");

    /// <summary>The Personalizer-compatible route group: <c>/personalizer/v1.0</c>, authorized by loop key.</summary>
    public static RouteGroupBuilder MapPersonalizerGroup(this IEndpointRouteBuilder app, string tag) =>
        OwnSchemeAuthentication.Require(app.MapGroup("/personalizer/v1.0").RequireAuthorization(Policy).WithTags(tag));
}
