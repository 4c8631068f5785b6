using System.Data.Common;
using System.Globalization;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A batch of row ids as one parameter. The statement writes <c>IN {ids}</c>; SQLite reads a JSON array
/// (<c>(SELECT value FROM json_each($ids))</c>), PostgreSQL an array (<c>(SELECT unnest(@ids))</c>). One statement per
/// batch rather than one per row, and no SQL text made from the ids.
/// </summary>
public static class IdList
{
    public const string Placeholder = "{ids}";

    /// <summary>Runs the DELETE or UPDATE on the caller's connection and transaction; returns the rows it changed.</summary>
    public static int Execute(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<long> ids)
    {
        var postgres = DbCommands.IsPostgres(connection);
        using var command = DbCommands.Prepare(connection, transaction,
            sql.Replace(Placeholder, postgres ? "(SELECT unnest($ids))" : "(SELECT value FROM json_each($ids))", StringComparison.Ordinal), "$ids");
        command.Parameters[0].Value = postgres
            ? ids.ToArray()
            : "[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
        return command.ExecuteNonQuery();
    }
}
