using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>
/// A page's view of the signed-in person: who they are (the actor it hands to services, which check their policies
/// themselves) and which buttons to show, answered by the same <see cref="ActorAuthorization"/> the services ask.
/// </summary>
public sealed class PageAuthorization(AuthenticationStateProvider authentication, ActorAuthorization authorization)
{
    /// <summary>Whether the person may do what the policy covers: presentation only, the service decides.</summary>
    public async Task<bool> AllowsAsync(string policy) => await authorization.AllowsAsync(await ActorAsync(), policy);

    /// <summary>The signed-in person, as the audit log names them and the services judge them.</summary>
    public async Task<Actor> ActorAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.From(state.User);
    }

    /// <summary>
    /// Runs a change as the signed-in person. The service checks their policy itself; a refusal comes back as its
    /// message, for the page to show (the result is then default).
    /// </summary>
    public async Task<(T Result, string? Refusal)> RunAsync<T>(Func<Actor, Task<T>> change)
    {
        try
        {
            return (await change(await ActorAsync()), null);
        }
        catch (ForbiddenException refused)
        {
            return (default!, refused.Message);
        }
    }
}
