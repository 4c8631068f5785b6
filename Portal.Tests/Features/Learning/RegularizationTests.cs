using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class RegularizationTests
{
    private static readonly FeatureSet[] Actions = LearningFixtures.ArticleActions();

    private static int NonZeroTerms(string arguments)
    {
        var learner = new OnlineLearner(PolicyParser.Parse(arguments));
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var context = LearningFixtures.NewsContext(LearningFixtures.Users[random.Next(2)], LearningFixtures.Times[random.Next(2)]);
            learner.Learn(context, Actions, random.Next(7), 1.0 / 7, random.NextDouble() < 0.2 ? 1 : 0);
        }

        var model = learner.Snapshot();
        var ctx = LearningFixtures.NewsContext("Tom", "morning");
        return Actions.Sum(a => model.ExplainAll(ctx, a).Count(c => c.Contribution != 0));
    }

    [Fact]
    public void L1_truncates_small_weights_to_zero()
    {
        var dense = NonZeroTerms("--cb_explore_adf -q UA");
        var sparse = NonZeroTerms("--cb_explore_adf -q UA --l1 0.001");

        Assert.True(sparse < dense, $"{sparse} non-zero terms with l1, {dense} without");
    }

    [Fact]
    public void L2_shrinks_scores_toward_zero()
    {
        double MaxScore(string arguments)
        {
            var learner = new OnlineLearner(PolicyParser.Parse(arguments));
            var context = LearningFixtures.NewsContext("Tom", "morning");
            for (var i = 0; i < 100; i++) learner.Learn(context, Actions, 0, 0.5, 1);
            return learner.Snapshot().Score(context, Actions[0]);
        }

        Assert.True(MaxScore("--cb_explore_adf -q UA --l2 0.01") < MaxScore("--cb_explore_adf -q UA"));
    }
}
