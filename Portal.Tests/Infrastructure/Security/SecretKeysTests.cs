using System.Security.Cryptography;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security;

/// <summary>The MACs every signed link, user-id hash and audit entry rests on: reused per thread, they must stay exactly HMAC-SHA256 under each key.</summary>
public sealed class SecretKeysTests
{
    [Fact]
    public void Each_mac_is_hmac_sha256_under_its_own_key_call_after_call()
    {
        var secrets = new SecretKeys(new InMemorySecretKeys());
        byte[][] data = [[], [1, 2, 3], new byte[1000], "same"u8.ToArray(), "same"u8.ToArray()];

        foreach (var name in new[] { "a", "b", "a" })
            foreach (var bytes in data)
                Assert.Equal(HMACSHA256.HashData(secrets.Get(name), bytes), secrets.Mac(name, bytes));
        Assert.NotEqual(secrets.Mac("a", data[1]), secrets.Mac("b", data[1]));
    }

    [Fact]
    public async Task Threads_and_hosts_by_the_dozen_get_the_right_mac()
    {
        // More installations than a thread keeps MACs for, on several threads at once.
        var installations = Enumerable.Range(0, 50).Select(_ => new SecretKeys(new InMemorySecretKeys())).ToList();
        var wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var round = 0; round < 3; round++)
                foreach (var secrets in installations)
                {
                    byte[] bytes = [(byte)t, (byte)round];
                    if (!secrets.Mac("links", bytes).SequenceEqual(HMACSHA256.HashData(secrets.Get("links"), bytes))) Interlocked.Increment(ref wrong);
                }
        })));

        Assert.Equal(0, wrong);
    }
}
