namespace Portal.Features.Feedback.Intake;

/// <summary>Where a post went: its ticket's reference, and whether it was added to an existing ticket as a repeat.</summary>
public sealed record StoredTicket(string Reference, bool Repeated);
