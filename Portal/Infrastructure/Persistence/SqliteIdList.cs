using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A batch of row ids as one parameter, <c>$ids</c>: a JSON array the statement reads with
/// <c>(SELECT value FROM json_each($ids))</c>. One statement per batch rather than one per row, and no SQL text made
/// from the ids.
/// </summary>
public static class SqliteIdList
{
    /// <summary>Runs the DELETE or UPDATE on the caller's connection and transaction; returns the rows it changed.</summary>
    public static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, IReadOnlyCollection<long> ids)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]");
        return command.ExecuteNonQuery();
    }
}
