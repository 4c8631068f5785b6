using Portal.Features.Evaluation.Logs;
using Portal.Features.Learning;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// A bandit model scoring each logged decision exactly as Rank scores a request: the decision's features, the caller's
/// exclusions (and what oversight removes) taken out, <see cref="BanditModel.Rank(FeatureSet, IReadOnlyList{FeatureSet}, ReadOnlySpan{bool}, ulong, Span{double}, double)"/>
/// filling the distribution with the model's own exploration (ε-greedy or inverse gap) at <paramref name="epsilon"/>.
/// With a <see cref="ProgressiveLearner"/> it learns from each decision after scoring it (progressive validation).
/// </summary>
public sealed class ModelPolicy(string name, LoggedFeatures features, Func<BanditModel> model, double epsilon, ProgressiveLearner? learner = null)
    : IRestrictablePolicy
{
    private bool[] mask = new bool[16];
    private double[] served = new double[16];

    public string Name => name;

    public void Distribution(EvaluatedDecision decision, Span<double> probabilities) => Distribution(decision, [], probabilities);

    public void Distribution(EvaluatedDecision decision, ReadOnlySpan<bool> removed, Span<double> probabilities)
    {
        var f = features.Read(decision) ?? throw new InvalidOperationException($"Decision {decision.Seq} has no readable features.");
        var n = f.RequestCount;
        if (mask.Length < n) (mask, served) = (new bool[n * 2], new double[n * 2]);
        var excluded = mask.AsSpan(0, n);
        // Actions missing from the logged ranking were not candidates; then the caller's and oversight's exclusions.
        excluded.Fill(true);
        for (var j = 0; j < f.EvaluatedCount; j++)
            excluded[f.RequestIndex[j]] = f.Excluded[f.RequestIndex[j]] || (j < removed.Length && removed[j]);
        if (!excluded.Contains(false))
        {
            probabilities.Clear();
            probabilities[decision.BaselineIndex] = 1;
            return;
        }
        var distribution = served.AsSpan(0, n);
        model().Rank(f.Context, f.Actions, excluded, 0, distribution, epsilon);
        for (var j = 0; j < f.EvaluatedCount; j++) probabilities[j] = distribution[f.RequestIndex[j]];
    }

    public void Observe(EvaluatedDecision decision) => learner?.Learn(decision);
}
