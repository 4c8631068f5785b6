using Portal.Features.Accounts;

namespace Portal.Tests.Features.Accounts;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/stream")]
    [InlineData("/loops/demo?tab=actions#top")]
    [InlineData("/%2F%2Fevil.com")]
    public void A_path_on_portal_is_kept(string url) => Assert.Equal(url, LocalReturnUrl.OrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.com")]
    [InlineData("///evil.com")]
    [InlineData("/\\evil.com")]
    [InlineData("\\\\evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("http://localhost/stream")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("evil.com")]
    [InlineData("%2F%2Fevil.com")]
    [InlineData("%2f%5cevil.com")]
    [InlineData("/\t/evil.com")]
    [InlineData("/\n/evil.com")]
    [InlineData(" //evil.com")]
    [InlineData("~//evil.com")]
    public void Anything_else_goes_home(string? url) => Assert.Equal("/", LocalReturnUrl.OrHome(url));
}
