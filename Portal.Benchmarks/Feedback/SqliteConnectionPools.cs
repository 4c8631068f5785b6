namespace Portal.Benchmarks.Feedback;

/// <summary>Closes pooled connections so that a temporary database folder can be deleted.</summary>
public static class SqliteConnectionPools
{
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
