using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class InverseGapTests
{
    [Fact]
    public void The_greedy_share_stays_one_minus_epsilon_and_the_rest_follows_the_gaps()
    {
        double[] scores = [0.9, 0.85, 0.1, 0.9];
        var probabilities = new double[4];

        InverseGap.Fill(scores, [], 0.2, gamma: 100, probabilities);

        Assert.Equal(1.0, probabilities.Sum(), 12);
        Assert.Equal(probabilities[0], probabilities[3], 12);
        Assert.True(probabilities[0] > 0.4);
        Assert.True(probabilities[1] > probabilities[2], "a near-best action is explored more than a clearly worse one");
        Assert.All(probabilities, p => Assert.True(p > 0));
    }

    [Fact]
    public void Excluded_actions_get_zero()
    {
        double[] scores = [0.9, 0.5, 0.1];
        var probabilities = new double[3];

        InverseGap.Fill(scores, [true, false, false], 0.2, gamma: 10, probabilities);

        Assert.Equal(0, probabilities[0]);
        Assert.Equal(1.0, probabilities.Sum(), 12);
    }

    [Fact]
    public void With_equal_gaps_it_is_plain_epsilon_greedy()
    {
        double[] scores = [1, 0, 0, 0];
        var gap = new double[4];
        var greedy = new double[4];

        InverseGap.Fill(scores, [], 0.2, gamma: 0, gap);
        EpsilonGreedy.Fill(scores, [], 0.2, greedy);

        Assert.Equal(greedy, gap);
    }
}
