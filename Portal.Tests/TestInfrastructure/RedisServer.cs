using System.Globalization;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// One private Redis server per test run, started on a free loopback port by <c>bench/redis.sh</c>
/// (<c>redis-server --daemonize yes</c> in a temporary folder, no systemd) the first time a test asks for it, and
/// stopped when the test process exits. Tests keep apart by a key prefix of their own (<c>Portal:Redis:Prefix</c>).
/// <c>test.sh</c> installs Debian's redis-server when missing and leaves these tests out (saying why) only when it cannot.
/// </summary>
public sealed class RedisServer
{
    public static readonly RedisServer Shared = new();

    private readonly Lazy<string> configuration;
    private string? folder;
    private int port;

    public RedisServer() => configuration = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The StackExchange.Redis configuration string (host:port).</summary>
    public string Configuration => configuration.Value;

    /// <summary>A prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Stops or starts the server again on the same port: for tests that take Redis away.</summary>
    public void Control(string command)
    {
        _ = Configuration;
        Run(command == "start" ? ["start", folder!, port.ToString(CultureInfo.InvariantCulture)] : [command, folder!]);
    }

    private string Start()
    {
        port = BenchScripts.FreePort();
        (var started, folder) = BenchScripts.StartPrivateServer("redis.sh", port);
        return started;
    }

    private static string Run(string[] arguments) => BenchScripts.Run("redis.sh", arguments);
}
