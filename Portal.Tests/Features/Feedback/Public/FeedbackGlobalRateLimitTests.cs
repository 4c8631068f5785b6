using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Public;

public sealed class FeedbackGlobalRateLimitTests(FeedbackGlobalRateLimitTests.SixInAll factory) : IClassFixture<FeedbackGlobalRateLimitTests.SixInAll>
{
    public sealed class SixInAll : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:RateLimits:FeedbackPostsPerMinute"] = "5",
            ["Portal:RateLimits:FeedbackPostsPerMinuteGlobal"] = "6",
        };
    }

    [Fact]
    public async Task Posts_spread_over_many_addresses_stop_at_the_global_limit()
    {
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.OK, (await factory.Browser($"198.18.0.{i + 1}").PostFeedbackAsync($"Flood {i} {Guid.NewGuid():N}")).StatusCode);

        var seventh = await factory.Browser("198.18.0.99").PostFeedbackAsync("Flood 7 " + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.TooManyRequests, seventh.StatusCode);
        Assert.True(seventh.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
