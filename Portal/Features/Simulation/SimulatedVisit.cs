namespace Portal.Features.Simulation;

/// <summary>One simulated page view: who the user is and when.</summary>
/// <param name="UserId">The application's id of the visitor, sent as the reserved <c>_userId</c> feature (never learned), so a demo visitor can opt out.</param>
public sealed record SimulatedVisit(string AgeBand, string Country, string Device, IReadOnlyList<string> Interests, string TimeOfDay, string? UserId = null);

/// <summary>An article of the demo catalog.</summary>
public sealed record SimulatedArticle(string Id, string Topic, string Format, int LengthMinutes);
