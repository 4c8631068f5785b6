using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Public;

public sealed class FeedbackRateLimitTests(FeedbackRateLimitTests.FivePerAddress factory) : IClassFixture<FeedbackRateLimitTests.FivePerAddress>
{
    public sealed class FivePerAddress : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:RateLimits:FeedbackPostsPerMinute"] = "5",
            ["Portal:RateLimits:FeedbackPostsPerMinuteGlobal"] = "1000",
        };
    }

    [Fact]
    public async Task The_sixth_post_in_a_minute_gets_429_with_Retry_After_and_a_page_and_creates_no_ticket()
    {
        var browser = factory.Browser("203.0.113.10");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await browser.PostFeedbackAsync($"Post {i} {Guid.NewGuid():N}")).StatusCode);
        var sixth = "Sixth " + Guid.NewGuid().ToString("N");

        var rejected = await browser.PostFeedbackAsync(sixth);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Please wait a moment", await rejected.Content.ReadAsStringAsync());
        Assert.Empty(await factory.TicketsWithAsync(sixth));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/feedback")).StatusCode);
    }

    [Fact]
    public async Task Another_address_keeps_its_own_allowance()
    {
        var busy = factory.Browser("203.0.113.20");
        for (var i = 0; i < 6; i++) await busy.PostFeedbackAsync($"Busy {i} {Guid.NewGuid():N}");

        var other = await factory.Browser("203.0.113.21").PostFeedbackAsync("Someone else " + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
