using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>
/// Protocol A: VW's news-personalization tutorial. Users Tom/Anna, times morning/afternoon, 7 articles; reward 1 for the
/// preferred article. Variant 2 switches preferences at round 5000 (both users prefer sports in the afternoon).
/// </summary>
public static class NewsSimulation
{
    public static readonly string[] Articles = ["politics", "sports", "music", "food", "finance", "health", "camping"];
    public static readonly string[] Users = ["Tom", "Anna"];
    public static readonly string[] Times = ["morning", "afternoon"];

    public static FeatureSet[] ArticleActions() =>
        Articles.Select(a => new FeatureSetBuilder().AddString("Action", "article", a).Build()).ToArray();

    public static FeatureSet Context(string user, string time) =>
        new FeatureSetBuilder().AddString("User", "user", user).AddString("User", "time_of_day", time).Build();

    public static string Preferred(string user, string time, bool switched) => (user, time, switched) switch
    {
        ("Tom", "morning", _) => "politics",
        (_, "afternoon", true) => "sports",
        ("Tom", _, _) => "music",
        (_, "morning", _) => "sports",
        _ => "politics",
    };

    /// <summary>Average reward over <paramref name="rounds"/> (exploration included).</summary>
    public static double Run(LearnerPolicy policy, int rounds, int seed, int switchAt = int.MaxValue)
    {
        var learner = new OnlineLearner(policy);
        var model = learner.LiveView();
        var actions = ArticleActions();
        var random = new Random(seed);
        var probabilities = new double[actions.Length];
        var contexts = Users.SelectMany(u => Times.Select(t => Context(u, t))).ToArray();
        var total = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            int u = random.Next(2), t = random.Next(2);
            var context = contexts[u * 2 + t];
            var outcome = model.Rank(context, actions, [], (ulong)random.NextInt64(), probabilities);
            var reward = Articles[outcome.ChosenIndex] == Preferred(Users[u], Times[t], round >= switchAt) ? 1.0 : 0.0;
            total += reward;
            learner.Learn(context, actions, outcome.ChosenIndex, probabilities[outcome.ChosenIndex], reward);
        }

        return total / rounds;
    }
}
