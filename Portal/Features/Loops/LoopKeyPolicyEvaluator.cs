using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Portal.Features.Loops;

/// <summary>
/// The authorization middleware's policy evaluator, which authenticates a policy of the loop key scheme alone (the
/// Decision API's, <see cref="LoopClient"/>) by the key itself: a hash and a lookup. The framework's evaluator would
/// resolve and initialise a handler for it on every call (its logger, options, events, the request's handler map), which
/// cost Rank more than the key check. The result is the framework's: the caller is who the key says, or no one, whatever
/// else the request carries. Every other policy, and every challenge and forbid (the 401 body), go through the framework.
/// </summary>
public sealed class LoopKeyPolicyEvaluator(IAuthorizationService authorization, LoopDirectory loops) : IPolicyEvaluator
{
    private readonly PolicyEvaluator framework = new(authorization);

    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        if (policy.AuthenticationSchemes is not [LoopKeyAuthenticationHandler.SchemeName]) return framework.AuthenticateAsync(policy, context);
        var result = LoopKeyAuthenticationHandler.Authenticate(context, loops);
        if (!result.Succeeded)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        context.User = result.Principal;
        return Task.FromResult(result);
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context,
        object? resource) =>
        framework.AuthorizeAsync(policy, authenticationResult, context, resource);
}
