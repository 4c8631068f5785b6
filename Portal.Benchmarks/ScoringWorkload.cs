using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>
/// The scoring case of the issue: 10 actions, 20 features per (context, action) pair — 10 context features in two
/// namespaces, 10 features per action in two namespaces — with interactions, on a model trained for 2,000 events.
/// </summary>
public sealed class ScoringWorkload
{
    public ScoringWorkload(string policyArguments)
    {
        var random = new Random(7);
        Context = new FeatureSetBuilder()
            .AddString("user", "tier", "gold").AddString("user", "country", "DE").AddNumber("user", "age", 41)
            .AddNumber("user", "visits", 12).AddIndicator("user", "returning")
            .AddString("device", "os", "ios").AddNumber("device", "width", 390).AddIndicator("device", "mobile")
            .AddString("device", "browser", "safari").AddNumber("device", "battery", 0.7f).Build();
        Actions = Enumerable.Range(0, 10).Select(a => new FeatureSetBuilder()
            .AddString("item", "id", "item" + a).AddString("item", "category", "cat" + a % 3).AddNumber("item", "price", 5 + a)
            .AddNumber("item", "rating", 3 + a % 2).AddIndicator("item", "new" + a % 2)
            .AddString("promo", "kind", "k" + a % 4).AddNumber("promo", "discount", a * 0.05f).AddIndicator("promo", "banner")
            .AddNumber("promo", "age_days", a + 1).AddString("promo", "channel", "c" + a % 2).Build()).ToArray();
        var learner = new OnlineLearner(PolicyParser.Parse(policyArguments));
        for (var i = 0; i < 2000; i++)
            learner.Learn(Context, Actions, random.Next(10), 0.1, random.NextDouble() < 0.3 ? 1 : 0);
        Model = learner.Snapshot();
    }

    public FeatureSet Context { get; }
    public FeatureSet[] Actions { get; }
    public BanditModel Model { get; }
    public double[] Probabilities { get; } = new double[10];
}
