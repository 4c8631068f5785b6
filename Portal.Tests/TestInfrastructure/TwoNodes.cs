namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// Two Portal nodes on one PostgreSQL database and one Redis, as behind a load balancer: A starts first (it applies the
/// migrations and creates the demo loop), then B. Settings apply to both; <c>bSettings</c> only to B. A fixture that
/// takes Redis away passes a server of its own.
/// </summary>
public class TwoNodes : IDisposable
{
    private readonly string connectionString = PostgresCluster.Shared.CreateDatabase();

    public TwoNodes() : this(new Dictionary<string, string?>(), new Dictionary<string, string?>())
    {
    }

    protected TwoNodes(IDictionary<string, string?> settings, IDictionary<string, string?> bSettings, RedisServer? redis = null)
    {
        Redis = redis ?? RedisServer.Shared;
        var prefix = RedisServer.NewPrefix();
        A = new ClusterNodeFactory(connectionString, Redis.Configuration, prefix, settings);
        _ = A.Services;
        var forB = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in bSettings) forB[key] = value;
        B = new ClusterNodeFactory(connectionString, Redis.Configuration, prefix, forB);
        // The secret keys (user-id hashing, signed links, the audit chain) reach B through the database, as in a deployment.
        _ = B.Services;
    }

    /// <summary>The Redis both nodes use: the test run's, or one of the fixture's own (for a test that stops it).</summary>
    public RedisServer Redis { get; }

    public ClusterNodeFactory A { get; }

    public ClusterNodeFactory B { get; }

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
        PostgresCluster.Shared.DropDatabase(connectionString);
        GC.SuppressFinalize(this);
    }
}
