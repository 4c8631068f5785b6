using Microsoft.AspNetCore.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The one judge of "may this actor do that": every service that changes state asks it before it stores anything, and
/// pages ask it (through <see cref="PageAuthorization"/>) which buttons to show. A person is judged by the
/// <see cref="PortalPolicies"/> of their principal; Portal's own work passes; a loop key may manage its own loop only
/// (Personalizer's configuration calls); anyone else holds no policy.
/// </summary>
public sealed class ActorAuthorization(IAuthorizationService authorization)
{
    public async Task<bool> AllowsAsync(Actor actor, string policy, string? loopId = null)
    {
        if (actor.IsPortal) return true;
        if (actor.KeyOfLoop is not null) return policy == PortalPolicies.ManageLoops && actor.KeyOfLoop == loopId;
        return actor.Principal is not null && (await authorization.AuthorizeAsync(actor.Principal, policy)).Succeeded;
    }

    /// <summary>Returns when the actor holds the policy; throws <see cref="ForbiddenException"/> otherwise.</summary>
    /// <param name="loopId">The loop the change is about, for a loop key's own configuration.</param>
    public async Task DemandAsync(Actor actor, string policy, string? loopId = null)
    {
        if (!await AllowsAsync(actor, policy, loopId)) throw new ForbiddenException(policy, actor.Name);
    }

    /// <summary>Returns when the actor holds at least one of the policies; throws for the first otherwise.</summary>
    public async Task DemandAnyAsync(Actor actor, params string[] policies)
    {
        foreach (var policy in policies)
            if (await AllowsAsync(actor, policy)) return;
        throw new ForbiddenException(policies[0], actor.Name);
    }
}
