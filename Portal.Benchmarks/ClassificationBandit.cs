using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>
/// Protocol B: a multiclass data set replayed as a contextual bandit. Context: namespace x with f0..fn (zero values
/// omitted, raw values); K actions with one indicator each (namespace a); reward 1 iff the chosen action is the label.
/// </summary>
public static class ClassificationBandit
{
    public static FeatureSet Context(float[] features)
    {
        var builder = new FeatureSetBuilder();
        for (var i = 0; i < features.Length; i++) builder.AddNumber("x", "f" + i, features[i]);
        return builder.Build();
    }

    public static FeatureSet[] Actions(int classes) =>
        Enumerable.Range(0, classes).Select(k => new FeatureSetBuilder().AddIndicator("a", k.ToString()).Build()).ToArray();

    /// <summary>Average reward (exploration included) of one pass in the order of <paramref name="seed"/>.</summary>
    public static double Run(ClassificationData data, LearnerPolicy policy, int seed, FeatureSet[]? contexts = null)
    {
        contexts ??= data.Features.Select(Context).ToArray();
        var actions = Actions(data.Classes);
        var order = data.Orders[seed];
        var learner = new OnlineLearner(policy);
        var model = learner.LiveView();
        var random = new Random(seed);
        var probabilities = new double[actions.Length];
        var total = 0.0;
        foreach (var row in order)
        {
            var outcome = model.Rank(contexts[row], actions, [], (ulong)random.NextInt64(), probabilities);
            var reward = outcome.ChosenIndex == data.Labels[row] ? 1.0 : 0.0;
            total += reward;
            learner.Learn(contexts[row], actions, outcome.ChosenIndex, probabilities[outcome.ChosenIndex], reward);
        }

        return total / order.Length;
    }
}
