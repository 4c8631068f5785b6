using Portal.Features.Evaluation.Logs;

namespace Portal.Tests.Features.Evaluation.Estimators;

/// <summary>Small hand-made logs for the estimator tests.</summary>
public static class EvaluationLogs
{
    /// <summary>A decision over <paramref name="distribution"/> with the chosen action's probability taken from it.</summary>
    public static EvaluatedDecision Decision(int chosen, double reward, params double[] distribution) =>
        new(Seq: 1, chosen, distribution[chosen], distribution, BaselineIndex: 0, reward);

    /// <summary>n decisions of two equally likely actions, the first <paramref name="clicks"/> with reward 1, the rest 0.</summary>
    public static IEnumerable<EvaluatedDecision> Coin(int n, int clicks) =>
        Enumerable.Range(0, n).Select(i => Decision(i % 2, i < clicks ? 1 : 0, 0.5, 0.5));
}
