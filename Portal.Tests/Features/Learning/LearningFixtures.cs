using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

/// <summary>Small worlds for learner tests: VW's news-recommendation simulation (7 articles, 2 users, 2 times).</summary>
internal static class LearningFixtures
{
    public static readonly string[] Articles = ["politics", "sports", "music", "food", "finance", "health", "camping"];
    public static readonly string[] Users = ["Tom", "Anna"];
    public static readonly string[] Times = ["morning", "afternoon"];

    public static FeatureSet[] ArticleActions() =>
        Articles.Select(a => new FeatureSetBuilder().AddString("Action", "article", a).Build()).ToArray();

    public static FeatureSet NewsContext(string user, string time) =>
        new FeatureSetBuilder().AddString("User", "user", user).AddString("User", "time_of_day", time).Build();

    public static string Preferred(string user, string time) => (user, time) switch
    {
        ("Tom", "morning") => "politics",
        ("Tom", _) => "music",
        (_, "morning") => "sports",
        _ => "politics",
    };

    /// <summary>Runs the interactive loop and returns the average reward (exploration included).</summary>
    public static double RunNews(LearnerPolicy policy, int rounds, int seed)
    {
        var learner = new OnlineLearner(policy);
        var actions = ArticleActions();
        var contexts = Users.SelectMany(u => Times.Select(t => (u, t, NewsContext(u, t)))).ToArray();
        var random = new Random(seed);
        var probabilities = new double[actions.Length];
        var total = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            var (user, time, context) = contexts[random.Next(2) * 2 + random.Next(2)];
            var model = learner.LiveView();
            var outcome = model.Rank(context, actions, [], (ulong)random.NextInt64(), probabilities);
            var reward = Articles[outcome.ChosenIndex] == Preferred(user, time) ? 1.0 : 0.0;
            total += reward;
            learner.Learn(context, actions, outcome.ChosenIndex, probabilities[outcome.ChosenIndex], reward);
        }

        return total / rounds;
    }
}
