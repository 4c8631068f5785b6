using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// One erasure as it runs: whose data, who asked, and what has been committed so far kind by kind. The audit entry
/// reports the tally also when the erasure is cancelled or fails half-way, since each batch stays erased once committed.
/// </summary>
public sealed class Erasure(DataSubject subject, Actor actor)
{
    private readonly List<HeldCount> erased = [];

    public DataSubject Subject => subject;

    /// <summary>Who erases: the audit entry and a ticket's history name them.</summary>
    public Actor Actor => actor;

    public IReadOnlyList<HeldCount> Erased => erased;

    /// <summary>Adds a committed batch's rows; a kind is listed even with none, so the result names what was looked at.</summary>
    public void Add(string kind, string label, long rows)
    {
        var index = erased.FindIndex(c => c.Kind == kind);
        if (index < 0) erased.Add(new HeldCount(kind, label, rows));
        else erased[index] = erased[index] with { Count = erased[index].Count + rows };
    }
}
