using Microsoft.Data.Sqlite;

namespace Portal.Benchmarks.Service;

/// <summary>Read-only checks of <c>portal.db</c>: which acknowledged eventIds are missing, and integrity_check.</summary>
public sealed class DecisionAudit(string databasePath)
{
    /// <summary>The demo loop, which the benchmark key opens.</summary>
    public const string LoopId = "demo";

    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        // Never Create: a missing database must fail the audit, not be made empty. The audit only reads.
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>The acknowledged eventIds (all starting with <paramref name="prefix"/>) with no row in Decisions.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> acknowledged, string prefix)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EventId FROM Decisions WHERE LoopId = $loop AND EventId >= $from AND EventId < $to";
        command.Parameters.AddWithValue("$loop", LoopId);
        command.Parameters.AddWithValue("$from", prefix + "-");
        command.Parameters.AddWithValue("$to", prefix + ".");
        using var reader = command.ExecuteReader();
        while (reader.Read()) stored.Add(reader.GetString(0));
        return acknowledged.Where(id => !stored.Contains(id)).ToList();
    }

    public string IntegrityCheck()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
