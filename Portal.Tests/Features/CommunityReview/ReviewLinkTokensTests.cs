using Microsoft.Extensions.DependencyInjection;
using Portal.Features.CommunityReview.Links;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

public sealed class ReviewLinkTokensTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private ReviewLinkTokens Tokens => factory.Services.GetRequiredService<ReviewLinkTokens>();

    [Fact]
    public void A_link_names_its_invitation_and_expiry_and_two_links_for_the_same_invitation_differ()
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);

        var one = Tokens.Create(42, expires);
        var two = Tokens.Create(42, expires);

        Assert.Equal(new ReviewLinkTokens.Claim(42, expires), Tokens.Read(one));
        Assert.NotEqual(one, two);
        Assert.Equal(64, one.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(30)]
    [InlineData(63)]
    public void A_link_with_any_character_changed_is_refused(int at)
    {
        var token = Tokens.Create(7, DateTimeOffset.UtcNow.AddDays(1));
        var edited = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

        Assert.Null(Tokens.Read(edited));
    }

    [Fact]
    public void Garbage_is_refused()
    {
        Assert.Null(Tokens.Read("not-a-link"));
        Assert.Null(Tokens.Read(""));
        Assert.Null(Tokens.Read(new string('A', 500)));
    }
}
