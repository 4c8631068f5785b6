using Npgsql;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// One private PostgreSQL cluster per test run, started on a free loopback port by <c>bench/postgres.sh</c> (initdb and
/// pg_ctl in a temporary folder, no systemd) the first time a test asks for a database, and stopped when the test
/// process exits. Each caller gets a database of its own. <c>test.sh</c> installs Debian's postgresql when it is
/// missing and leaves these tests out (saying why) only when it cannot. A test that takes its server away makes a
/// cluster of its own.
/// </summary>
public sealed class PostgresCluster
{
    /// <summary>The test run's cluster, shared by every test class that only needs a database.</summary>
    public static readonly PostgresCluster Shared = new();

    private readonly Lazy<string> server;
    private string? folder;

    public PostgresCluster() => server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private string Server => server.Value;

    /// <summary>A new, empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "portal_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/> (its connections are closed first).</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    /// <summary>The cluster's own folder (its server log is <c>server.log</c> there).</summary>
    public string Folder => folder ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>Runs <c>bench/postgres.sh</c> with the cluster's folder (stop, start): for tests that take the server away.</summary>
    public void Control(string command)
    {
        var port = new NpgsqlConnectionStringBuilder(Server).Port;
        Run(command == "start" ? ["start", Folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [command, Folder]);
    }

    private string Start()
    {
        (var connectionString, folder) = BenchScripts.StartPrivateServer("postgres.sh", BenchScripts.FreePort());
        return connectionString;
    }

    private static string Run(string[] arguments) => BenchScripts.Run("postgres.sh", arguments);
}
