namespace Portal.Data.Entities;

/// <summary>
/// A number that every change to what Rank reads from memory raises in its own transaction: one row per topic (1: control
/// state, loop directory and segments; 2: opt-outs added; 3: opt-outs removed). Nodes compare them every second, so a change whose Redis message
/// was lost still reaches them.
/// </summary>
public sealed class SharedStateVersion
{
    public const int ServingId = 1;
    public const int OptOutsId = 2;
    public const int OptOutRemovalsId = 3;

    public int Id { get; set; }

    public long Version { get; set; }
}
