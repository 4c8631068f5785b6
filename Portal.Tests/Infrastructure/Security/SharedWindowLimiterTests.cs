using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security;

/// <summary>With Redis configured, a public page's limit per client address holds for all nodes together.</summary>
[Trait("Category", "Redis")]
[Trait("Category", "Postgres")]
public sealed class SharedWindowLimiterTests(SharedWindowLimiterTests.Nodes nodes) : IClassFixture<SharedWindowLimiterTests.Nodes>
{
    public sealed class Nodes() : TwoNodes(new Dictionary<string, string?> { ["Portal:PublicPages:ViewsPerMinutePerAddress"] = "3" },
        new Dictionary<string, string?>());

    [Fact]
    public async Task Views_from_one_address_spread_over_two_nodes_are_counted_together()
    {
        var a = nodes.A.CreateClient();
        var b = nodes.B.CreateClient();
        foreach (var client in new[] { a, b })
        {
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.77");
        }

        var statuses = new List<HttpStatusCode>
        {
            (await a.GetAsync("/why/guess-1")).StatusCode,
            (await b.GetAsync("/why/guess-2")).StatusCode,
            (await a.GetAsync("/why/guess-3")).StatusCode,
        };
        var fourth = await b.GetAsync("/why/guess-4");
        var otherAddress = new HttpRequestMessage(HttpMethod.Get, "/why/guess-5");
        otherAddress.Headers.Add(TestClientAddress.Header, "203.0.113.78");
        var fromElsewhere = await nodes.B.CreateClient().SendAsync(otherAddress);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.InRange(fourth.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
    }
}
