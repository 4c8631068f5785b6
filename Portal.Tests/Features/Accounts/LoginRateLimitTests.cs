using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts;

public sealed class LoginRateLimitTests(LoginRateLimitTests.ThreePerMinute factory) : IClassFixture<LoginRateLimitTests.ThreePerMinute>
{
    public sealed class ThreePerMinute : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:RateLimits:LoginPostsPerMinute"] = "3",
        };
    }

    [Fact]
    public async Task Login_posts_over_the_limit_get_429_with_Retry_After_while_the_page_still_opens()
    {
        var browser = factory.CreateBrowserClient();
        for (var i = 0; i < 3; i++) await browser.PostLoginAsync("someone@test.local", "wrong-password-" + i);

        var rejected = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var page = await browser.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
