using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Public;

/// <summary>The feedback status page is public: its views count per client address, wrong links included.</summary>
public sealed class StatusPageRateLimitTests(StatusPageRateLimitTests.StrictFactory factory) : IClassFixture<StatusPageRateLimitTests.StrictFactory>
{
    public sealed class StrictFactory : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:RateLimits:StatusPageViewsPerMinute"] = "3",
        };
    }

    [Fact]
    public async Task Views_beyond_the_limit_of_an_address_get_429_with_retry_after_and_another_address_is_still_served()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.120");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++) statuses.Add((last = await client.GetAsync($"/feedback/status/guess-{i}")).StatusCode);
        var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/feedback/status/guess-5");
        elsewhere.Headers.Add(TestClientAddress.Header, "203.0.113.121");
        var fromElsewhere = await factory.CreateClient().SendAsync(elsewhere);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Contains("Please wait", await last.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
    }
}
