namespace Portal.Features.Feedback;

/// <summary>Who changed a ticket, as the history shows it.</summary>
public sealed record TicketActor(string? UserId, string Name)
{
    public static TicketActor EndUser { get; } = new(null, "End user");
}
