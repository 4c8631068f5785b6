using Microsoft.AspNetCore.Authentication;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy;

/// <summary>
/// One authentication scheme for calls an application or a person may make: a call with a loop key is judged by the
/// key, any other by a personal API token. Forwarding (rather than listing both schemes) keeps one challenge, one 401.
/// </summary>
public static class LoopKeyOrToken
{
    public const string SchemeName = "LoopKeyOrToken";

    public static AuthenticationBuilder AddLoopKeyOrToken(this AuthenticationBuilder authentication) =>
        authentication.AddPolicyScheme(SchemeName, "Loop key or personal API token", options =>
            options.ForwardDefaultSelector = http => http.Request.Headers.ContainsKey(LoopKeyAuthenticationHandler.HeaderName)
                ? LoopKeyAuthenticationHandler.SchemeName
                : TokenApiRoutes.SchemeName);
}
