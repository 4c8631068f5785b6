using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Raw SQL written once for both engines. Statements name their parameters SQLite's way (<c>$loop</c>); on PostgreSQL
/// they become Npgsql's <c>@loop</c>. Table and column names need no quotes: PostgreSQL's model is in lower case
/// (<see cref="Data.Postgres.PostgresPortalDbContext"/>) and PostgreSQL folds unquoted names to lower case.
/// </summary>
public static partial class DbCommands
{
    /// <summary>A command on the connection, its parameters created empty in the order named (set them by index).</summary>
    public static DbCommand Prepare(DbConnection connection, string sql, params string[] parameters) =>
        Prepare(connection, null, sql, parameters);

    /// <inheritdoc cref="Prepare(DbConnection, string, string[])"/>
    public static DbCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ForEngine(connection, sql);
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = ParameterName(connection, name);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Sets the parameters in order and runs the command; returns the rows it changed.</summary>
    public static int Run(DbCommand command, params object[] values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    public static void Bind(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
    }

    /// <summary>A parameter for a one-off command or for EF Core's raw queries, of the connection's engine.</summary>
    public static DbParameter Parameter(DbConnection connection, string name, object value)
    {
        using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = ParameterName(connection, name);
        parameter.Value = value;
        return parameter;
    }

    public static bool IsPostgres(DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>The SQL text for the connection's engine: <c>$name</c> → <c>@name</c> on PostgreSQL.</summary>
    public static string ForEngine(DbConnection connection, string sql) => IsPostgres(connection) ? ForPostgres(sql) : sql;

    /// <summary>The SQL text with Npgsql's parameter names.</summary>
    public static string ForPostgres(string sql) => SqliteParameter().Replace(sql, "@$1");

    private static string ParameterName(DbConnection connection, string name) => IsPostgres(connection) ? name.TrimStart('$') : name;

    [GeneratedRegex(@"(?<![\w$])\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SqliteParameter();
}
