namespace Portal.Data.Entities;

/// <summary>
/// One row whose number every change to what Rank reads from memory (control state, loop directory, segments) raises
/// in its own transaction. Nodes compare it every second, so a change whose Redis message was lost still reaches them.
/// </summary>
public sealed class SharedStateVersion
{
    public const int SingleRowId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
