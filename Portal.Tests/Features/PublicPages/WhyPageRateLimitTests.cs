using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.PublicPages;

public sealed class WhyPageRateLimitTests(WhyPageRateLimitTests.StrictFactory factory) : IClassFixture<WhyPageRateLimitTests.StrictFactory>
{
    public sealed class StrictFactory : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:PublicPages:ViewsPerMinutePerAddress"] = "3",
        };
    }

    [Fact]
    public async Task Views_beyond_the_limit_of_an_address_get_429_with_retry_after_and_words()
    {
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++) statuses.Add((last = await client.GetAsync($"/why/guess-{i}")).StatusCode);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Contains("Please try again in", await last.Content.ReadAsStringAsync());
    }
}
