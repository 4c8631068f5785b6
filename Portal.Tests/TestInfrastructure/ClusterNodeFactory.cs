namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// One Portal node of a cluster in this process: PostgreSQL database and Redis shared with the other nodes (by
/// connection string and key prefix), a data folder of its own. <see cref="TwoNodes"/> starts a pair.
/// </summary>
public sealed class ClusterNodeFactory(string connectionString, string redis, string redisPrefix, IDictionary<string, string?> settings) : PortalAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var all = new Dictionary<string, string?>(settings)
            {
                ["Portal:Database:Provider"] = "Postgres",
                ["Portal:Database:ConnectionString"] = connectionString,
                ["Portal:Redis:Configuration"] = redis,
                ["Portal:Redis:Prefix"] = redisPrefix,
            };
            return all;
        }
    }
}
