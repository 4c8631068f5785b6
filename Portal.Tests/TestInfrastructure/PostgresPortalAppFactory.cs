namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// <see cref="PortalAppFactory"/> on PostgreSQL: a database of its own in the test run's cluster
/// (<see cref="PostgresCluster"/>), dropped on dispose. The data folder still holds the keys and the models.
/// </summary>
public class PostgresPortalAppFactory : PortalAppFactory
{
    public PostgresPortalAppFactory() : this(PostgresCluster.Shared)
    {
    }

    protected PostgresPortalAppFactory(PostgresCluster cluster)
    {
        Cluster = cluster;
        ConnectionString = cluster.CreateDatabase();
    }

    public PostgresCluster Cluster { get; }

    public string ConnectionString { get; }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Portal:Database:Provider"] = "Postgres",
        ["Portal:Database:ConnectionString"] = ConnectionString,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDataDirectory) Cluster.DropDatabase(ConnectionString);
    }
}
