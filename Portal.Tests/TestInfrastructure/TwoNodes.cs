using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Privacy;
using Portal.Infrastructure.Security;

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
        // The secret keys (user-id hashing, signed links, the audit chain), shared among the nodes as a deployment must;
        // a key is made on its first use, so the user-id key is made here first.
        A.Services.GetRequiredService<SecretKeys>().Get(UserIds.KeyName);
        CopyKeys(Path.Combine(A.DataDirectory, "keys"), Path.Combine(B.DataDirectory, "keys"));
        _ = B.Services;
    }

    /// <summary>The Redis both nodes use: the test run's, or one of the fixture's own (for a test that stops it).</summary>
    public RedisServer Redis { get; }

    public ClusterNodeFactory A { get; }

    public ClusterNodeFactory B { get; }

    private static void CopyKeys(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyKeys(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
        PostgresCluster.Shared.DropDatabase(connectionString);
        GC.SuppressFinalize(this);
    }
}
