using System.Security.Claims;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Who makes a change, as the audit log records it and as <see cref="ActorAuthorization"/> judges it: a person (with the
/// principal they signed in as), an application's loop key, or Portal itself. An actor built with the constructor has no
/// principal: it names someone for the record but holds no policy.
/// </summary>
public sealed record Actor(string? UserId, string Name)
{
    /// <summary>The signed-in principal whose policies the services check; null for Portal, end users and loop keys.</summary>
    public ClaimsPrincipal? Principal { get; private init; }

    /// <summary>Portal's own work (start-up, background services), which every policy admits.</summary>
    public bool IsPortal { get; private init; }

    /// <summary>The loop whose API key acts (Personalizer's configuration calls); null otherwise.</summary>
    public string? KeyOfLoop { get; private init; }

    /// <summary>Start-up work and background services.</summary>
    public static Actor System { get; } = new(null, "system") { IsPortal = true };

    /// <summary>
    /// Portal finishing work a person started and was allowed to start (an erasure taken up again after a restart): the
    /// record names that person, and no policy is asked again, since their right was checked when they asked.
    /// </summary>
    public static Actor OnBehalfOf(string? userId, string name) => new(userId, name) { IsPortal = true };

    /// <summary>A visitor of the public pages (no account), e.g. sending feedback.</summary>
    public static Actor EndUser { get; } = new(null, "End user");

    /// <summary>An application calling the Decision API with a loop's key.</summary>
    public static Actor LoopKey(string loopId) => new(null, $"API key of loop '{loopId}'") { KeyOfLoop = loopId };

    /// <summary>A signed-in person (cookie) or a person's API token; any other principal holds no policy.</summary>
    public static Actor From(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } id
            ? new Actor(id, user.Identity?.Name ?? id) { Principal = user }
            : new Actor(null, user.Identity?.Name ?? "anonymous") { Principal = user };
}
