namespace Portal.Contracts.Personalizer;

/// <summary>Personalizer's LogsProperties: the time span the loop's log covers.</summary>
public sealed record LogsProperties(DateRange DateRange);

public sealed record DateRange(DateTimeOffset? From, DateTimeOffset? To);
