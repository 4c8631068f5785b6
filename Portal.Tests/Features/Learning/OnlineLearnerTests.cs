using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class OnlineLearnerTests
{
    private static readonly FeatureSet[] Actions = LearningFixtures.ArticleActions();
    private static readonly FeatureSet Context = LearningFixtures.NewsContext("Tom", "morning");

    private static OnlineLearner TrainedLearner(string arguments = "--cb_explore_adf --epsilon 0.2 -q :: -b 16")
    {
        var learner = new OnlineLearner(PolicyParser.Parse(arguments));
        for (var i = 0; i < 30; i++)
        {
            learner.Learn(Context, Actions, i % 7, 0.3, i % 7 == 0 ? 1 : 0);
            learner.Learn(LearningFixtures.NewsContext("Anna", "afternoon"), Actions, (i + 3) % 7, 0.3, 0.5);
        }

        return learner;
    }

    [Theory]
    [InlineData("mtr", 1.0)]
    [InlineData("mtr", -0.5)]
    [InlineData("dm", 0.8)]
    [InlineData("ips", 1.0)]
    [InlineData("dr", 1.0)]
    public void An_update_moves_the_chosen_action_score_toward_its_reward(string cbType, double reward)
    {
        var learner = TrainedLearner($"--cb_explore_adf --epsilon 0.2 -q :: -b 16 --cb_type {cbType}");
        var before = learner.Snapshot().Score(Context, Actions[3]);

        learner.Learn(Context, Actions, 3, 0.5, reward);
        var after = learner.Snapshot().Score(Context, Actions[3]);

        Assert.True(Math.Abs(reward - after) < Math.Abs(reward - before), $"{before} → {after}, reward {reward}");
    }

    [Fact]
    public void Save_and_load_round_trip_gives_identical_scores_and_state()
    {
        var learner = TrainedLearner();
        using var stream = new MemoryStream();

        learner.Save(stream);
        stream.Position = 0;
        var loaded = OnlineLearner.Load(stream);

        Assert.Equal(learner.Policy, loaded.Policy);
        Assert.Equal(learner.ExamplesLearned, loaded.ExamplesLearned);
        Assert.All(Actions, a => Assert.Equal(learner.Snapshot().Score(Context, a), loaded.Snapshot().Score(Context, a)));
        learner.Learn(Context, Actions, 1, 0.2, 1);
        loaded.Learn(Context, Actions, 1, 0.2, 1);
        Assert.Equal(learner.Snapshot().Score(Context, Actions[1]), loaded.Snapshot().Score(Context, Actions[1]));
    }

    [Fact]
    public void Loading_a_file_with_a_wrong_magic_fails_clearly()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnlineLearner.Load(new MemoryStream("NOTAMODEL-----"u8.ToArray())));
        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void Loading_a_newer_format_version_fails_clearly()
    {
        using var stream = new MemoryStream();
        TrainedLearner().Save(stream);
        var bytes = stream.ToArray();
        bytes[8] = 99;

        var error = Assert.Throws<InvalidDataException>(() => OnlineLearner.Load(new MemoryStream(bytes)));
        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public void Loading_a_truncated_file_fails_clearly()
    {
        using var stream = new MemoryStream();
        TrainedLearner().Save(stream);
        var bytes = stream.ToArray()[..(int)(stream.Length - 10)];

        var error = Assert.Throws<InvalidDataException>(() => OnlineLearner.Load(new MemoryStream(bytes)));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Snapshots_are_immutable_and_versions_increase_by_one()
    {
        var learner = TrainedLearner();
        var first = learner.Snapshot();
        var score = first.Score(Context, Actions[0]);

        learner.Learn(Context, Actions, 0, 0.2, 1);
        var second = learner.Snapshot();

        Assert.Equal(score, first.Score(Context, Actions[0]));
        Assert.NotEqual(score, second.Score(Context, Actions[0]));
        Assert.Equal(first.Version + 1, second.Version);
    }

    [Fact]
    public void Reset_forgets_what_was_learned()
    {
        var learner = TrainedLearner();

        learner.Reset();

        Assert.Equal(0, learner.ExamplesLearned);
        Assert.All(Actions, a => Assert.Equal(0, learner.Snapshot().Score(Context, a)));
    }

    [Fact]
    public void A_short_news_run_with_vw_default_settings_ends_well_above_random()
    {
        var policy = PolicyParser.Parse("--cb_explore_adf --epsilon 0.2 --cb_type mtr -q UA -b 18");

        var reward = LearningFixtures.RunNews(policy, 2000, seed: 1);

        Assert.True(reward > 0.5, $"average reward {reward:F3}; random is {1.0 / 7:F3}");
    }

    [Fact]
    public void The_portal_default_learns_the_news_world_within_two_thousand_rounds()
    {
        var reward = LearningFixtures.RunNews(PolicyParser.Parse(PolicyParser.PortalDefault), 2000, seed: 2);

        Assert.True(reward > 1.0 / 7 * 2, $"average reward {reward:F3}; random is {1.0 / 7:F3}");
    }
}
