using System.Data.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Retention;

/// <summary>
/// One transaction's worth of a retention purge: synchronous SQL on the decision log writer's connection, inside one of
/// its group commits (see <see cref="Log.DecisionLogWriter.RunInNextCommitAsync"/>). Counts what it removed in
/// <paramref name="removed"/>.
/// </summary>
public delegate void PurgeBatch(DbConnection connection, DbTransaction transaction, PurgedRows removed);

/// <summary>The usual shape of a <see cref="PurgeBatch"/>: statements over one set of row ids, run in order, each counted.</summary>
public static class PurgeBatches
{
    /// <param name="ids">The rows of this batch.</param>
    /// <param name="statements">
    /// Each one's counter name (null: not counted) and SQL with <see cref="IdList.Placeholder"/> for the ids; children first.
    /// </param>
    public static PurgeBatch ByIds(IReadOnlyCollection<long> ids, params (string? Counter, string Sql)[] statements) =>
        (connection, transaction, removed) =>
        {
            foreach (var (counter, sql) in statements)
            {
                var rows = IdList.Execute(connection, transaction, sql, ids);
                if (counter is not null) removed.Add(counter, rows);
            }
        };
}
