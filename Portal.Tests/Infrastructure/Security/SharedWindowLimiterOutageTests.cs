using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Cluster;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security;

/// <summary>
/// While Redis is down a public page's limit per client address falls back to each node's own count: visitors are
/// still served, abusers still stopped (at most nodes × limit in all), and the shared count returns with Redis.
/// </summary>
[Trait("Category", "Redis")]
[Trait("Category", "Postgres")]
public sealed class SharedWindowLimiterOutageTests(SharedWindowLimiterOutageTests.Nodes nodes) : IClassFixture<SharedWindowLimiterOutageTests.Nodes>
{
    // A Redis of the fixture's own: the test stops it.
    public sealed class Nodes() : TwoNodes(new Dictionary<string, string?> { ["Portal:PublicPages:ViewsPerMinutePerAddress"] = "3" },
        new Dictionary<string, string?>(), new RedisServer());

    private static async Task<HttpStatusCode> ViewAsync(ClusterNodeFactory node, string address, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TestClientAddress.Header, address);
        return (await node.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Without_redis_each_node_counts_on_its_own_and_still_refuses_the_fourth_view()
    {
        const string address = "203.0.113.90";
        List<HttpStatusCode> onA = [], onB = [];
        nodes.Redis.Control("stop");
        try
        {
            for (var i = 0; i < 4; i++) onA.Add(await ViewAsync(nodes.A, address, $"/why/outage-a-{i}"));
            for (var i = 0; i < 4; i++) onB.Add(await ViewAsync(nodes.B, address, $"/why/outage-b-{i}"));
        }
        finally
        {
            nodes.Redis.Control("start");
        }

        // Served (an unknown link: 404) three times per node, then refused: the limit held on each node by itself.
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], onA);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], onB);

        // Once both nodes are connected again, a new address is counted for both nodes together.
        await Eventually.TrueAsync(() => Task.FromResult(nodes.A.Services.GetRequiredService<SharedWindowCounter>().Available
            && nodes.B.Services.GetRequiredService<SharedWindowCounter>().Available), seconds: 30);
        const string later = "203.0.113.91";
        List<HttpStatusCode> spread = [];
        for (var i = 0; i < 4; i++) spread.Add(await ViewAsync(i % 2 == 0 ? nodes.A : nodes.B, later, $"/why/back-{i}"));
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], spread);
    }
}
