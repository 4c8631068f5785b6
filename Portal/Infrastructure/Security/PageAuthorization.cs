using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Re-checks a policy at the moment a page changes something: the page's own [Authorize] was evaluated when it
/// opened, and the user may have been demoted since.
/// </summary>
public sealed class PageAuthorization(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<bool> AllowsAsync(string policy)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return (await authorization.AuthorizeAsync(state.User, policy)).Succeeded;
    }

    public async Task<string?> UserIdAsync() => (await UserAsync()).FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    public async Task<System.Security.Claims.ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}
