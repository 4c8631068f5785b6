using System.Security.Claims;

namespace Portal.Infrastructure.Security;

/// <summary>Who made a change, as the audit log records it: a person, an application's loop key, or Portal itself.</summary>
public sealed record Actor(string? UserId, string Name)
{
    /// <summary>Start-up work and background services.</summary>
    public static Actor System { get; } = new(null, "system");

    /// <summary>A visitor of the public pages (no account), e.g. sending feedback.</summary>
    public static Actor EndUser { get; } = new(null, "End user");

    /// <summary>An application calling the Decision API with a loop's key.</summary>
    public static Actor LoopKey(string loopId) => new(null, $"API key of loop '{loopId}'");

    /// <summary>A signed-in person (cookie) or a person's API token; the loop-key principal has no name.</summary>
    public static Actor From(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } id
            ? new Actor(id, user.Identity?.Name ?? id)
            : System;
}
