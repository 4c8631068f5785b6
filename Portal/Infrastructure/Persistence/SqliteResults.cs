using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Portal.Infrastructure.Persistence;

/// <summary>Result codes of SQLite's statement API as <see cref="SqliteException"/>s, so callers read failures as from a command.</summary>
public static class SqliteResults
{
    public static void Check(sqlite3 connection, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            throw new SqliteException(raw.sqlite3_errmsg(connection).utf8_to_string(), result, raw.sqlite3_extended_errcode(connection));
    }
}
