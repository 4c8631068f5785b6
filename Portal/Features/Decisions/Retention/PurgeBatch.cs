using System.Data.Common;

namespace Portal.Features.Decisions.Retention;

/// <summary>
/// One transaction's worth of a retention purge: synchronous SQL on the decision log writer's connection, inside one of
/// its group commits (see <see cref="Log.DecisionLogWriter.RunInNextCommitAsync"/>). Counts what it removed in
/// <paramref name="removed"/>.
/// </summary>
public delegate void PurgeBatch(DbConnection connection, DbTransaction transaction, PurgedRows removed);
