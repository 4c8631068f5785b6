using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Re-checks a policy at the moment a page changes something: the page's own [Authorize] was evaluated when it
/// opened, and the user may have been demoted since. Also names the person for the audit log.
/// </summary>
public sealed class PageAuthorization(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<bool> AllowsAsync(string policy)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return (await authorization.AuthorizeAsync(state.User, policy)).Succeeded;
    }

    /// <summary>The signed-in person, as the audit log names them.</summary>
    public async Task<Actor> ActorAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.From(state.User);
    }

    /// <summary>The person if the policy still allows them the change; null otherwise.</summary>
    public async Task<Actor?> ActorAllowedAsync(string policy)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return (await authorization.AuthorizeAsync(state.User, policy)).Succeeded ? Actor.From(state.User) : null;
    }
}
