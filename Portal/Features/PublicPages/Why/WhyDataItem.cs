namespace Portal.Features.PublicPages.Why;

/// <summary>One piece of the user's data that was used to choose: its name for people, and its value when it has one.</summary>
public sealed record WhyDataItem(string Name, string? Value);
