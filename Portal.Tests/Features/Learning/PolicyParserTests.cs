using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class PolicyParserTests
{
    [Fact]
    public void Personalizer_default_parses_to_its_settings()
    {
        Assert.True(PolicyParser.TryParse(PolicyParser.PersonalizerDefault, out var policy, out var error), error);
        Assert.Equal(0.2, policy.Epsilon);
        Assert.Equal(0.001, policy.LearningRate);
        Assert.Equal(0, policy.PowerT);
        Assert.Equal(CbType.Mtr, policy.CbType);
        Assert.Equal(["::"], policy.Interactions);
        Assert.Equal(PolicyParser.PersonalizerDefault, policy.Arguments);
    }

    [Fact]
    public void The_specification_example_policy_parses()
    {
        const string example = "--cb_explore_adf --epsilon 0.2 --dsjson --cb_type ips -l 0.5 --l1 1E-07 --power_t 0.5";
        Assert.True(PolicyParser.TryParse(example, out var policy, out var error), error);
        Assert.Equal(CbType.Ips, policy.CbType);
        Assert.Equal(1e-7, policy.L1);
        Assert.Equal(0.5, policy.PowerT);
        Assert.Equal(example, policy.Arguments);
    }

    [Theory]
    [InlineData(PolicyParser.PortalDefault)]
    [InlineData(PolicyParser.VowpalWabbitDefault)]
    [InlineData("--cb_explore_adf --epsilon 0.2 --cb_type mtr -q xa -l 2")]
    [InlineData("--cb_explore_adf --epsilon 0.1 --cb_type dr --quadratic UA -b 20 --l2 1e-6 --initial_t 1")]
    [InlineData("--cb_explore_adf --epsilon 0.2 -qUA --interactions ua --noconstant --ignore z --learning_rate 0.3")]
    [InlineData("  --cb_explore_adf   --epsilon 0.2  --power_t 0  ")]
    public void Usual_variants_parse(string arguments)
    {
        Assert.True(PolicyParser.TryParse(arguments, out _, out var error), error);
    }

    [Theory]
    [InlineData("--cb_explore_adf --epsilon 0.2 --marginal ua", "unsupported flag '--marginal'")]
    [InlineData("--cb_explore_adf --epsilon 0.2 --bogus", "unknown flag '--bogus'")]
    [InlineData("--cb_explore_adf --epsilon 0.2 --cb_type sm", "'--cb_type'")]
    [InlineData("--cb_explore_adf --epsilon 2", "'--epsilon'")]
    [InlineData("--cb_explore_adf --epsilon", "'--epsilon' needs a value")]
    [InlineData("--cb_explore_adf -b 40", "'-b'")]
    [InlineData("--cb_explore_adf --cubic abc", "unsupported flag '--cubic'")]
    [InlineData("--cb_explore_adf -q abc", "'-q'")]
    [InlineData("--epsilon 0.2", "'--cb_explore_adf'")]
    public void Bad_policies_are_refused_naming_the_flag(string arguments, string expected)
    {
        Assert.False(PolicyParser.TryParse(arguments, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Policies_are_equal_when_their_settings_are_equal_whatever_the_spelling()
    {
        var a = PolicyParser.Parse("--cb_explore_adf --epsilon 0.2 -l 0.5 -q ::");
        var b = PolicyParser.Parse("--cb_explore_adf --learning_rate 0.5 --quadratic :: --epsilon 0.2");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, PolicyParser.Parse("--cb_explore_adf --epsilon 0.2 -l 0.5"));
    }

    [Fact]
    public void Canonical_rendering_parses_back_to_the_same_policy()
    {
        var policy = PolicyParser.Parse("--cb_explore_adf --epsilon 0.3 --cb_type dr -l 0.7 -q ua --l2 0.01 --noconstant -b 20 --sgd");
        Assert.Equal(policy, PolicyParser.Parse(policy.Canonical));
    }
}
