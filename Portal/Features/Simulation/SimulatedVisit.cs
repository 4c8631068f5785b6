namespace Portal.Features.Simulation;

/// <summary>One simulated page view: who the user is and when.</summary>
public sealed record SimulatedVisit(string AgeBand, string Country, string Device, IReadOnlyList<string> Interests, string TimeOfDay);

/// <summary>An article of the demo catalog.</summary>
public sealed record SimulatedArticle(string Id, string Topic, string Format, int LengthMinutes);
