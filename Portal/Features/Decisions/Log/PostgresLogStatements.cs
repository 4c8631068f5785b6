using System.Data.Common;
using Npgsql;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// The writer's statements on PostgreSQL, where each statement costs a network round trip: a batch's writes go to the
/// server together as one <see cref="NpgsqlBatch"/>, run in order in the batch's transaction, and the rows each one
/// changed give each write its own result (inserted, duplicate event, unknown event), as on SQLite. A write that must
/// run on its own (<see cref="RideAlong"/>) ends a run: what came before it is sent first, then it runs as on SQLite.
/// </summary>
internal sealed class PostgresLogStatements(NpgsqlConnection connection) : IGroupCommitStatements<LogCommand, LogWriteResult>
{
    private readonly LogStatements statements = new(connection);

    // The current run of statements still to send, with each one's place in the batch.
    private readonly List<(int Index, LogStatement Statement)> run = [];

    public DbTransaction? Transaction
    {
        set => statements.Transaction = value;
    }

    public void Committed() => statements.Committed();

    public LogWriteResult Write(LogCommand command) => command.Execute(statements);

    public void WriteAll(IReadOnlyList<LogCommand> items, LogWriteResult[] results)
    {
        run.Clear();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Statement(statements) is { } statement)
            {
                run.Add((i, statement));
                continue;
            }
            Send(results);
            results[i] = items[i].Execute(statements);
        }
        Send(results);
    }

    /// <summary>Sends the run in one round trip. A statement that fails throws, and the whole batch rolls back (as one by one).</summary>
    private void Send(LogWriteResult[] results)
    {
        if (run.Count == 0) return;
        using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)statements.Transaction);
        foreach (var (_, statement) in run) batch.BatchCommands.Add(Command(statement));
        batch.ExecuteNonQuery();
        for (var k = 0; k < run.Count; k++) results[run[k].Index] = run[k].Statement.ResultOf(batch.BatchCommands[k].RecordsAffected);
        run.Clear();
    }

    /// <summary>The prepared statement's SQL and parameter names with this write's values (Npgsql prepares the SQL once it repeats).</summary>
    private static NpgsqlBatchCommand Command(LogStatement statement)
    {
        var command = new NpgsqlBatchCommand(statement.Command.CommandText);
        for (var i = 0; i < statement.Values.Length; i++)
        {
            command.Parameters.Add(new NpgsqlParameter(statement.Command.Parameters[i].ParameterName, statement.Values[i]));
        }
        return command;
    }

    public void Dispose() => statements.Dispose();
}
