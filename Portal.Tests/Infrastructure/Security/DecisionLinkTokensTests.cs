using Microsoft.Extensions.Time.Testing;
using Portal.Features.PublicPages;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security;

public sealed class DecisionLinkTokensTests
{
    private readonly InMemorySecretKeys installation = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private DecisionLinkTokens Tokens(ISecretKeySource? keys = null) => new(new SecretKeys(keys ?? installation), clock);

    [Fact]
    public void A_token_names_its_decision_until_it_expires()
    {
        var tokens = Tokens();
        var token = tokens.Create("demo", "event-é-42", clock.GetUtcNow().AddDays(1));

        Assert.Equal(new DecisionLinkTokens.DecisionRef("demo", "event-é-42"), tokens.Read(token));
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Read(token));
    }

    [Fact]
    public void Every_changed_character_makes_the_token_unreadable()
    {
        var tokens = Tokens();
        var token = tokens.Create("demo", "order-42", clock.GetUtcNow().AddDays(1));

        for (var i = 0; i < token.Length; i++)
        {
            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(tokens.Read(tampered));
        }
        Assert.Null(tokens.Read(token[..^1]));
        Assert.Null(tokens.Read("not a token!"));
        Assert.Null(tokens.Read(""));
    }

    [Fact]
    public void A_token_from_another_installation_is_refused()
    {
        var token = Tokens().Create("demo", "order-42", clock.GetUtcNow().AddDays(1));

        Assert.Null(Tokens(new InMemorySecretKeys()).Read(token));
        Assert.NotNull(Tokens().Read(token));
    }
}
