using System.Data.Common;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The owner's half of a <see cref="GroupCommitWriter{TItem,TResult}"/>: statements prepared once on the writer's one
/// connection, each batch's items written through them inside the batch's transaction.
/// </summary>
public interface IGroupCommitStatements<TItem, TResult> : IDisposable
{
    /// <summary>The batch's transaction while a batch is written; null between batches.</summary>
    DbTransaction? Transaction { set; }

    /// <summary>The batch's transaction committed (before <see cref="Transaction"/> is set to null); must not throw.</summary>
    void Committed() { }

    /// <summary>Writes one item. Throwing rolls back the whole batch; the result reaches the caller only after the commit.</summary>
    TResult Write(TItem item);

    /// <summary>
    /// Writes a batch's items in order, each one's result at its index. By default one <see cref="Write"/> per item,
    /// right for an in-process engine; statements on a networked server override it to send the batch in few round trips.
    /// </summary>
    void WriteAll(IReadOnlyList<TItem> items, TResult[] results)
    {
        for (var i = 0; i < items.Count; i++) results[i] = Write(items[i]);
    }
}
