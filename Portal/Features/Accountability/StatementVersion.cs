namespace Portal.Features.Accountability;

/// <summary>One published version of a loop's data-handling statement.</summary>
public sealed record StatementVersion(string LoopId, int Version, string Text, DateTimeOffset PublishedAt, string PublishedByName);
