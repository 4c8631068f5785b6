using System.Security.Claims;

namespace Portal.Features.Feedback;

/// <summary>Who changed a ticket, as the history shows it.</summary>
public sealed record TicketActor(string? UserId, string Name)
{
    public static TicketActor EndUser { get; } = new(null, "End user");

    /// <summary>A signed-in reviewer, named by their account name (their email address).</summary>
    public static TicketActor Of(ClaimsPrincipal user) =>
        new(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, user.Identity?.Name ?? "unknown user");
}
