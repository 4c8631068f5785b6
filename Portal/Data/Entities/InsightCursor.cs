namespace Portal.Data.Entities;

/// <summary>
/// How far the analytics aggregator has folded a loop's decisions into one source of aggregates: <c>features</c>
/// (everyone, the automatic segments, importance and drift) or <c>segment:{id}</c> (a saved segment, whose
/// definition's hash is kept so that an edited segment is aggregated again from the start).
/// </summary>
public sealed class InsightCursor
{
    public required string LoopId { get; set; }
    public required string Source { get; set; }
    public string? DefinitionHash { get; set; }

    /// <summary>The last decision (by Seq) folded in.</summary>
    public long LastSeq { get; set; }
}
