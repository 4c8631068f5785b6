using Portal.Contracts;
using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class BanditModelTests
{
    private static readonly LearnerPolicy Policy = PolicyParser.Parse("--cb_explore_adf --epsilon 0.2 -q :: -b 16");

    private static BanditModel TrainedModel(out FeatureSet context, out FeatureSet[] actions)
    {
        var learner = new OnlineLearner(Policy);
        actions = LearningFixtures.ArticleActions();
        context = LearningFixtures.NewsContext("Tom", "morning");
        for (var i = 0; i < 50; i++)
        {
            learner.Learn(context, actions, 0, 0.5, 1);
            learner.Learn(context, actions, 2, 0.5, 0.2);
        }

        return learner.Snapshot();
    }

    [Fact]
    public void Probabilities_sum_to_one()
    {
        var model = TrainedModel(out var context, out var actions);
        var probabilities = new double[actions.Length];

        model.Rank(context, actions, [], 42, probabilities);

        Assert.Equal(1.0, probabilities.Sum(), 12);
        Assert.Equal(0.8 + 0.2 / 7, probabilities[0], 12);
    }

    [Fact]
    public void Ties_share_the_greedy_mass()
    {
        var model = new OnlineLearner(Policy).Snapshot();
        var actions = LearningFixtures.ArticleActions();
        var probabilities = new double[actions.Length];

        model.Rank(LearningFixtures.NewsContext("Anna", "morning"), actions, [], 1, probabilities);

        Assert.All(probabilities, p => Assert.Equal(1.0 / 7, p, 12));
    }

    [Fact]
    public void Excluded_actions_get_zero_and_are_never_chosen()
    {
        var model = TrainedModel(out var context, out var actions);
        var probabilities = new double[actions.Length];
        bool[] excluded = [true, false, true, false, false, false, false];

        for (ulong seed = 0; seed < 200; seed++)
        {
            var outcome = model.Rank(context, actions, excluded, seed, probabilities);
            Assert.False(excluded[outcome.ChosenIndex]);
        }

        Assert.Equal(0, probabilities[0]);
        Assert.Equal(0, probabilities[2]);
        Assert.Equal(1.0, probabilities.Sum(), 12);
    }

    [Fact]
    public void The_same_seed_replays_the_same_decision()
    {
        var model = TrainedModel(out var context, out var actions);
        var probabilities = new double[actions.Length];
        var seed = EventSeed.FromEventId("event-123");

        var first = model.Rank(context, actions, [], seed, probabilities);
        var outcomes = Enumerable.Range(0, 20).Select(_ => model.Rank(context, actions, [], seed, probabilities)).Distinct();

        Assert.Equal([first], outcomes);
    }

    [Fact]
    public void Sampling_follows_the_probabilities()
    {
        var model = TrainedModel(out var context, out var actions);
        var probabilities = new double[actions.Length];
        var greedy = 0;
        const int draws = 20000;

        for (ulong seed = 0; seed < draws; seed++)
        {
            var outcome = model.Rank(context, actions, [], EventSeed.FromEventId(seed.ToString()), probabilities);
            if (outcome.ChosenIndex == 0) greedy++;
            Assert.Equal(outcome.ChosenIndex != 0, outcome.Explored);
        }

        Assert.InRange(greedy / (double)draws, 0.8 + 0.2 / 7 - 0.015, 0.8 + 0.2 / 7 + 0.015);
    }

    [Fact]
    public void Contributions_sum_to_the_score()
    {
        var model = TrainedModel(out var context, out var actions);
        var all = model.ExplainAll(context, actions[0]);
        Span<FeatureContribution> top = new FeatureContribution[3];

        var written = model.Explain(context, actions[0], top);

        Assert.Equal(model.Score(context, actions[0]), all.Sum(c => c.Contribution), 9);
        Assert.Equal(3, written);
        Assert.True(Math.Abs(top[0].Contribution) >= Math.Abs(top[1].Contribution));
        Assert.Contains(all, c => c.Feature == "(constant)");
        Assert.Contains(all, c => c.Feature == "User.user=Tom × Action.article=politics" || c.Feature == "Action.article=politics × User.user=Tom");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(500)]
    public void Explain_names_the_largest_contributions_largest_first(int size)
    {
        var model = TrainedModel(out var context, out var actions);
        foreach (var action in actions)
        {
            var all = model.ExplainAll(context, action);
            var top = new FeatureContribution[size];

            var written = model.Explain(context, action, top);

            var expected = all.Select(c => Math.Abs(c.Contribution)).OrderDescending().Take(size).ToList();
            Assert.Equal(expected.Count, written);
            Assert.Equal(expected, top.Take(written).Select(c => Math.Abs(c.Contribution)));
            Assert.All(top.Take(written), c => Assert.Contains(c, all));
        }
    }

    [Fact]
    public void Rank_allocates_nothing_per_decision()
    {
        var model = TrainedModel(out var context, out var actions);
        var probabilities = new double[actions.Length];
        model.Rank(context, actions, [], 1, probabilities);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (ulong seed = 0; seed < 100; seed++) model.Rank(context, actions, [], seed, probabilities);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_portal_default_keeps_one_minus_epsilon_on_the_best_action_and_explores_every_other()
    {
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var actions = LearningFixtures.ArticleActions();
        var context = LearningFixtures.NewsContext("Tom", "morning");
        for (var i = 0; i < 200; i++) learner.Learn(context, actions, i % 7, 1.0 / 7, i % 7 == 0 ? 1 : 0);
        var probabilities = new double[actions.Length];

        learner.Snapshot().Rank(context, actions, [], 9, probabilities);

        Assert.Equal(1.0, probabilities.Sum(), 12);
        Assert.True(probabilities[0] >= 0.8, $"best action got {probabilities[0]}");
        Assert.All(probabilities, p => Assert.True(p > 0));
    }
}
