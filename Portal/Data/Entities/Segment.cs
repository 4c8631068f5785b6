namespace Portal.Data.Entities;

/// <summary>A named predicate over context features, shared by the stream filters, rules, bias pages and tickets.</summary>
public sealed class Segment
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The loop whose context features it reads; null: any loop with those features.</summary>
    public string? LoopId { get; set; }

    /// <summary>The predicate as JSON (see Features/Segments/SegmentDefinition).</summary>
    public required string DefinitionJson { get; set; }

    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
