using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Cluster;

namespace Portal.Tests.Infrastructure.Cluster;

public sealed class RedisConnectionTests
{
    [Fact]
    public async Task A_start_without_a_reachable_redis_stops_with_one_line_naming_the_setting()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        var options = Options.Create(new RedisOptions { Configuration = "127.0.0.1:1,connectTimeout=2000,connectRetry=0" });
        await using var connection = new RedisConnection(options, NullLogger<RedisConnection>.Instance);

        var error = await Assert.ThrowsAsync<RedisUnreachableException>(() => connection.StartAsync(CancellationToken.None));

        Assert.StartsWith("Portal:Redis:Configuration: Redis cannot be reached (127.0.0.1:1): ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Without_a_configuration_nothing_is_connected_and_nothing_is_announced()
    {
        var options = Options.Create(new RedisOptions());
        await using var connection = new RedisConnection(options, NullLogger<RedisConnection>.Instance);

        await connection.StartAsync(CancellationToken.None);
        new SharedStateChanges(connection, NullLogger<SharedStateChanges>.Instance).Announce();

        Assert.False(connection.Enabled);
        Assert.False(connection.IsConnected);
    }

    [Theory]
    [InlineData("Portal:Redis:Configuration", "127.0.0.1:6379,colour=blue", "Portal:Redis:Configuration is not a Redis configuration string")]
    [InlineData("Portal:Redis:Prefix", "Has Spaces", "Portal:Redis:Prefix must be 1 to 40 lowercase letters, digits or dashes.")]
    [InlineData("Portal:Redis:StateCheckInterval", "00:10:00", "Portal:Redis:StateCheckInterval must be between 0.1 second and 1 minute.")]
    public void A_bad_redis_setting_is_named(string key, string value, string expected)
    {
        var options = new RedisOptions { Configuration = "127.0.0.1:6379" };
        switch (key)
        {
            case "Portal:Redis:Configuration": options.Configuration = value; break;
            case "Portal:Redis:Prefix": options.Prefix = value; break;
            default: options.StateCheckInterval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.Contains(results, r => r.ErrorMessage!.StartsWith(expected, StringComparison.Ordinal));
    }
}
