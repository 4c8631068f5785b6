namespace Portal.Data.Entities;

/// <summary>
/// One published version of a loop's data-handling statement: what is used, why, how long it is kept, how to opt out,
/// who is responsible, in plain words (limited Markdown, shown as text). Versions are never changed or deleted; the
/// newest is the one shown on the public pages.
/// </summary>
public sealed class DataHandlingStatement
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public int Version { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? PublishedById { get; set; }
    public required string PublishedByName { get; set; }
}
