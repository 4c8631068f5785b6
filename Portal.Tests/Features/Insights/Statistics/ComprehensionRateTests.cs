using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Insights.Statistics;

/// <summary>Comprehension rates against Wilson's score interval worked out by hand: centre (p + z²/2n)/(1 + z²/n), z = 1.96.</summary>
public sealed class ComprehensionRateTests
{
    [Theory]
    // 8 of 10: p = 0.8, z²/n = 0.38415; centre 0.96073/1.38415 = 0.69409, half 1.41601·√(0.016 + 0.0096037) = 0.22655.
    [InlineData(8, 10, 0.8, 0.4902, 0.9433)]
    // 9 of 12: p = 0.75, z²/n = 0.32013; centre 0.91006/1.32013 = 0.68938, half 1.48468·√(0.015625 + 0.0066694) = 0.22170.
    [InlineData(9, 12, 0.75, 0.4677, 0.9111)]
    // 1 of 3: p = 0.33333, z²/n = 1.28049; centre 0.97358/2.28049 = 0.42692, half 0.85944·√(0.074074 + 0.10671) = 0.36543.
    [InlineData(1, 3, 0.3333, 0.0615, 0.7923)]
    // None of 5: the lower bound is 0; upper (0 + 0.38415)/1.76830 + 1.10839·√(0.038415) = 0.21724 + 0.21724 = 0.43448.
    [InlineData(0, 5, 0.0, 0.0, 0.4345)]
    public void The_rate_and_its_95_percent_interval_are_wilsons(long clear, long answers, double rate, double low, double high)
    {
        var figure = new ComprehensionRate("group", answers, clear);

        Assert.Equal(rate, figure.Rate, 4);
        Assert.Equal(low, figure.Interval95.Low, 4);
        Assert.Equal(high, figure.Interval95.High, 4);
    }

    [Fact]
    public void Under_ten_answers_is_a_small_sample_and_no_answers_has_no_rate()
    {
        Assert.True(new ComprehensionRate("g", 9, 9).IsSmall);
        Assert.False(new ComprehensionRate("g", 10, 9).IsSmall);
        Assert.True(double.IsNaN(new ComprehensionRate("g", 0, 0).Rate));
        Assert.False(new ComprehensionRate("g", 0, 0).Interval95.IsKnown);
    }
}
