using Portal.Features.Simulation;

namespace Portal.Tests.Features.Simulation;

/// <summary>The demo's visitors and click model: reproducible from a seed, shaped by interests, with its planted unfairness.</summary>
public sealed class NewsWorldTests
{
    private static SimulatedArticle Article(string id) => NewsWorld.Articles.Single(a => a.Id == id);

    private static string Describe(SimulatedVisit v) => $"{v.AgeBand}|{v.Country}|{v.Device}|{string.Join(",", v.Interests)}|{v.TimeOfDay}";

    private static List<string> Draw(int seed, int visits)
    {
        var world = new NewsWorld(new Random(seed));
        return Enumerable.Range(0, visits).Select(_ =>
        {
            var visit = world.NextVisit();
            return Describe(visit) + "|" + world.Clicks(visit, NewsWorld.Articles[0]);
        }).ToList();
    }

    [Fact]
    public void The_same_seed_draws_the_same_visitors_and_the_same_clicks()
    {
        var first = Draw(seed: 7, visits: 300);
        var again = Draw(seed: 7, visits: 300);
        var other = Draw(seed: 8, visits: 300);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Visitors_cover_every_value_with_one_or_two_distinct_interests_and_few_are_aged_65_plus()
    {
        var world = new NewsWorld(new Random(11));

        var visits = Enumerable.Range(0, 10_000).Select(_ => world.NextVisit()).ToList();

        Assert.Equal(NewsWorld.AgeBands.Order(), visits.Select(v => v.AgeBand).Distinct().Order());
        Assert.Equal(NewsWorld.Countries.Order(), visits.Select(v => v.Country).Distinct().Order());
        Assert.Equal(NewsWorld.Devices.Order(), visits.Select(v => v.Device).Distinct().Order());
        Assert.Equal(NewsWorld.TimesOfDay.Order(), visits.Select(v => v.TimeOfDay).Distinct().Order());
        Assert.All(visits, v => Assert.InRange(v.Interests.Distinct().Count(), 1, 2));
        Assert.All(visits, v => Assert.All(v.Interests, topic => Assert.Contains(topic, NewsWorld.Topics)));
        var seniors = visits.Count(v => v.AgeBand == NewsWorld.DisadvantagedAgeBand) / (double)visits.Count;
        Assert.InRange(seniors, 0.04, 0.08); // drawn with weight 0.06
    }

    [Theory]
    [InlineData("tech", "desktop", "morning", "new-phone-review", 0.04 + 0.30 + 0.06)] // on interest, long read at a desk in the morning
    [InlineData("tech", "mobile", "morning", "new-phone-review", 0.04 + 0.30 + 0.05)]  // on interest, video on a phone
    [InlineData("food", "mobile", "evening", "cup-final-highlights", 0.04 + 0.05 + 0.04)] // off interest: video on a phone, sports in the evening
    [InlineData("food", "desktop", "afternoon", "election-explainer", 0.04)]           // off interest, nothing else
    public void The_click_probability_follows_interests_device_and_time_of_day(string interest, string device, string timeOfDay, string article, double expected)
    {
        var visit = new SimulatedVisit("25-34", "DE", device, [interest], timeOfDay);

        Assert.Equal(expected, new NewsWorld(new Random(1)).ClickProbability(visit, Article(article)), 9);
    }

    [Fact]
    public void Users_aged_65_plus_click_less_and_not_by_the_interests_they_state()
    {
        var world = new NewsWorld(new Random(1));
        var senior = new SimulatedVisit(NewsWorld.DisadvantagedAgeBand, "US", "desktop", ["tech"], "morning");
        var younger = senior with { AgeBand = "50-64" };

        var statedInterest = world.ClickProbability(senior, Article("new-phone-review"));
        var health = world.ClickProbability(senior, Article("sleep-better-guide"));

        Assert.True(health > statedInterest, $"health {health} vs stated interest {statedInterest}");
        Assert.True(world.ClickProbability(younger, Article("new-phone-review")) > 2 * statedInterest);
        Assert.All(NewsWorld.Articles, article => Assert.True(world.ClickProbability(senior, article) < 0.2));
    }

    [Fact]
    public void Clicks_happen_as_often_as_the_click_probability_says()
    {
        var world = new NewsWorld(new Random(3));
        var visit = new SimulatedVisit("25-34", "DE", "desktop", ["tech"], "morning");
        var article = Article("new-phone-review");

        var rate = Enumerable.Range(0, 20_000).Count(_ => world.Clicks(visit, article)) / 20_000.0;

        Assert.InRange(rate, world.ClickProbability(visit, article) - 0.02, world.ClickProbability(visit, article) + 0.02);
    }
}
